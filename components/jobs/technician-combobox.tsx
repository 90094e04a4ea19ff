'use client';

/**
 * A technician by name: the UI kit's Combobox over people already in memory (user/list, the board's technicians),
 * narrowed in the browser as the user types (lib/word-filter), so no request is made per keystroke. It holds only
 * the chosen id, like the selects it replaced; the clear button stands for their empty option (none, or "any" in a
 * filter).
 */
import { useState } from 'react';
import { Combobox } from '@/components/ui/combobox';
import { filterByWords } from '@/lib/word-filter';
import type { BoardTechnician } from '@/lib/scheduling/board-types';
import type { User } from '@/lib/synchroteam/schemas/user';
import { userName } from './job-people';

export interface TechnicianComboboxProps<T extends { id: number }> {
  people: readonly T[];
  /** The person's name: the input shows it once picked, and typing matches it. */
  name: (p: T) => string;
  /** More texts a typed word may match (first and last name, login). */
  alsoMatch?: (p: T) => readonly (string | null | undefined)[];
  /** The option's content (default: the name); its text is the option's accessible name. */
  renderOption?: (p: T) => React.ReactNode;
  value: number | null;
  onChange: (id: number | null) => void;
  /** Tie to a visible `<label htmlFor={id}>` (a Field passes it); else give `label`. */
  id?: string;
  label?: string;
  /** The list's name (default "Technicians"). */
  listLabel?: string;
  placeholder?: string;
  /** What the clear button says it clears ("Clear <clearNoun> <name>"; default "technician"). */
  clearNoun?: string;
  emptyText?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
  className?: string;
  inputClassName?: string;
  listClassName?: string;
}

/** How a Synchroteam user (user/list) is named and matched: spread into a TechnicianCombobox over users. */
export const userPerson = {
  name: userName,
  alsoMatch: (u: User) => [u.firstName, u.lastName, u.login],
};

/** How a board technician is named and matched: spread into a TechnicianCombobox over the board's lanes. */
export const boardPerson = {
  name: (t: BoardTechnician) => t.name,
  alsoMatch: (t: BoardTechnician) => [t.login],
};

export function TechnicianCombobox<T extends { id: number }>(props: TechnicianComboboxProps<T>) {
  const { people, name, alsoMatch, value } = props;
  const [term, setTerm] = useState('');
  const options = filterByWords(people, term, (p) => [name(p), ...(alsoMatch?.(p) ?? [])]);
  const chosen = value === null ? undefined : people.find((p) => p.id === value);
  // An id from the URL or the job whose person is not (yet) in the list still shows as something.
  const chosenText = value === null ? '' : chosen ? name(chosen) : people.length ? `#${value}` : '';

  return (
    <Combobox
      id={props.id}
      label={props.label}
      listLabel={props.listLabel ?? 'Technicians'}
      placeholder={value !== null && !chosenText ? 'Loading…' : props.placeholder}
      invalid={props['aria-invalid']}
      describedBy={props['aria-describedby']}
      disabled={props.disabled}
      className={props.className}
      inputClassName={props.inputClassName}
      listClassName={props.listClassName}
      options={options}
      getKey={(p) => p.id}
      getText={name}
      renderOption={props.renderOption}
      onSelect={(p) => props.onChange(p.id)}
      selectedText={chosenText}
      onClear={() => props.onChange(null)}
      clearLabel={`Clear ${props.clearNoun ?? 'technician'} ${chosenText}`}
      // The list is local: it follows every keystroke.
      onSearchChange={setTerm}
      debounceMs={0}
      emptyText={props.emptyText ?? 'No technician matches.'}
    />
  );
}
