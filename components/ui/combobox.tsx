'use client';

/**
 * The one type-ahead picker (ARIA 1.2 combobox: an input that owns a listbox). cmdk keeps the highlighted option and
 * the keyboard (arrows, Enter picks); a Radix Popover places the list under the input and
 * closes it on Esc or a click outside; Tab moves on and closes it. The input is our own, so its id, name (a
 * <label htmlFor> or `label`), aria-expanded and aria-controls are always true to what is on screen.
 *
 * Data stays with the caller: it hears the typed term (debounced) through `onSearchChange` and whether the list is
 * open through `onOpenChange`, and passes back `options`, `loading` and `error`. Two ways to hold the text:
 * - a chosen value (`selectedText`, `onClear`): the input shows the choice; typing searches; leaving without a pick
 *   puts the choice's text back;
 * - free text (`inputValue`, `onInputValueChange`): the text is the value and options only complete it.
 */
import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { ChevronsUpDown, X } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

export interface ComboboxProps<T> {
  /** The input's id; give it when a visible `<label htmlFor>` names the input. */
  id?: string;
  /** The accessible name when no visible label is tied to `id`. */
  label?: string;
  /** The listbox's name (default: "<label> results", or "Matches"). */
  listLabel?: string;
  options: readonly T[];
  getKey: (option: T) => string | number;
  /** The option's text: the input shows it once picked. */
  getText: (option: T) => string;
  /** The option's content in the list (default: its text). */
  renderOption?: (option: T) => React.ReactNode;
  onSelect: (option: T) => void;

  /** Chosen-value mode: the chosen value's text ('' or null: none). */
  selectedText?: string | null;
  /** Shows a clear button while a value is chosen. */
  onClear?: () => void;
  /** The clear button's name (default "Clear <selectedText>"). */
  clearLabel?: string;

  /** Free-text mode: the input's text, owned by the caller. */
  inputValue?: string;
  onInputValueChange?: (text: string) => void;
  /** Empties the text after a pick (free-text mode: an "add from…" box). */
  clearOnSelect?: boolean;

  /** The typed term, trimmed, once typing pauses for `debounceMs` ('' when the list opens without typing). */
  onSearchChange?: (term: string) => void;
  debounceMs?: number;
  onOpenChange?: (open: boolean) => void;
  loading?: boolean;
  error?: boolean;
  loadingText?: string;
  emptyText?: string;
  errorText?: string;

  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onBlur?: () => void;
  /** Classes of the wrapper (width, layout). */
  className?: string;
  /** Classes of the input (height, padding). */
  inputClassName?: string;
  /** Classes of the floating list (width). */
  listClassName?: string;
}

export function Combobox<T>(props: ComboboxProps<T>) {
  const {
    options,
    getKey,
    onSearchChange,
    onOpenChange,
    debounceMs = 200,
    selectedText,
    inputValue,
    onInputValueChange,
  } = props;
  const autoId = useId();
  const id = props.id ?? autoId;
  const freeText = inputValue !== undefined;
  const anchor = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const [open, setOpenState] = useState(false);
  const setOpen = useCallback(
    (o: boolean) => {
      setOpenState(o);
      onOpenChange?.(o);
    },
    [onOpenChange],
  );

  // Chosen-value mode keeps its own text; a new choice from outside (a pick, a reset form) shows its text.
  const [ownText, setOwnText] = useState(selectedText ?? '');
  const [shownChoice, setShownChoice] = useState(selectedText ?? '');
  if (!freeText && shownChoice !== (selectedText ?? '')) {
    setShownChoice(selectedText ?? '');
    setOwnText(selectedText ?? '');
  }
  const text = freeText ? inputValue : ownText;
  const setText = (t: string) => (freeText ? onInputValueChange?.(t) : setOwnText(t));

  // The term searched: what was typed, not the chosen value's own text shown in the box.
  const [typed, setTyped] = useState(false);
  const term = freeText || typed ? text.trim() : '';
  useEffect(() => {
    const t = setTimeout(() => onSearchChange?.(term), debounceMs);
    return () => clearTimeout(t);
  }, [term, debounceMs, onSearchChange]);

  // The first option is highlighted whenever the options change (a new search), so Enter takes the best match.
  const keys = options.map((o) => String(getKey(o)));
  const keysSig = keys.join('\u0000');
  const [active, setActive] = useState(keys[0] ?? '');
  const [activeFor, setActiveFor] = useState(keysSig);
  if (activeFor !== keysSig) {
    setActiveFor(keysSig);
    setActive(keys[0] ?? '');
  }

  const restore = () => {
    if (!freeText) setOwnText(selectedText ?? '');
    setTyped(false);
  };
  const close = () => {
    if (open) setOpen(false);
    restore();
  };
  const pick = (o: T) => {
    props.onSelect(o);
    if (freeText) {
      if (props.clearOnSelect) onInputValueChange?.('');
    } else setOwnText(props.clearOnSelect ? '' : props.getText(o));
    setTyped(false);
    setOpen(false);
  };

  // cmdk names its list and marks the highlighted option (aria-selected); the input points at both while the list is
  // on screen (it is unmounted while closed). The highlight is read from the list itself, so it is never a step behind.
  const [list, setList] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = input.current;
    if (!el || !list) return;
    const sync = () => {
      const on = list.querySelector('[cmdk-item][aria-selected="true"]');
      if (on?.id) el.setAttribute('aria-activedescendant', on.id);
      else el.removeAttribute('aria-activedescendant');
    };
    sync();
    const watch = new MutationObserver(sync);
    watch.observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected'] });
    return () => {
      watch.disconnect();
      el.removeAttribute('aria-activedescendant');
    };
  }, [list]);

  const byKey = new Map(options.map((o, i) => [keys[i], o]));
  const showClear = !freeText && !!selectedText && !!props.onClear && !props.disabled;
  const listLabel = props.listLabel ?? (props.label ? `${props.label} results` : 'Matches');

  return (
    <Command shouldFilter={false} value={active} onValueChange={setActive} className={cn('relative', props.className)}>
      <Popover.Root open={open && !props.disabled} onOpenChange={(o) => (o ? setOpen(true) : close())}>
        <Popover.Anchor asChild>
          <div ref={anchor} className="relative">
            <input
              ref={input}
              id={id}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={open && !props.disabled}
              aria-controls={open && list ? list.id : undefined}
              autoComplete="off"
              spellCheck={false}
              aria-label={props.label}
              aria-invalid={props.invalid || undefined}
              aria-describedby={props.describedBy}
              disabled={props.disabled}
              placeholder={props.placeholder ?? 'Type to search…'}
              className={cn(controlClasses, 'h-10', showClear ? 'pr-16' : 'pr-9', props.inputClassName)}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setTyped(true);
                if (!open) setOpen(true);
              }}
              onClick={() => !open && setOpen(true)}
              onKeyDown={(e) => {
                // Home/End move the caret; a closed list lets Enter submit the form: cmdk must not take them.
                if (e.key === 'Home' || e.key === 'End' || (!open && e.key === 'Enter')) e.stopPropagation();
                else if (!open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
                  e.preventDefault();
                  setOpen(true);
                } else if (e.key === 'Escape' && open) {
                  e.preventDefault();
                  close();
                } else if (e.key === 'Tab' && open) close();
              }}
              onBlur={(e) => {
                if (anchor.current?.contains(e.relatedTarget as Node | null)) return;
                close();
                props.onBlur?.();
              }}
            />
            <span className="pointer-events-none absolute inset-y-0 right-2 flex items-center">
              <ChevronsUpDown className="size-4 text-slate-400" aria-hidden="true" />
            </span>
            {showClear && (
              <button
                type="button"
                className="absolute inset-y-0 right-7 my-auto h-7 rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                aria-label={props.clearLabel ?? `Clear ${selectedText}`}
                onClick={() => {
                  props.onClear?.();
                  setOwnText('');
                  input.current?.focus();
                }}
              >
                <X className="size-4" aria-hidden="true" />
              </button>
            )}
          </div>
        </Popover.Anchor>
        <Popover.Content
          // Not a dialog: the list belongs to the input, which keeps focus. No portal, so it lives inside a dialog's
          // layer when a picker sits in one (scroll lock and focus trap then leave it alone).
          role={undefined}
          align="start"
          sideOffset={4}
          collisionPadding={8}
          onOpenAutoFocus={(e) => e.preventDefault()}
          onCloseAutoFocus={(e) => e.preventDefault()}
          onInteractOutside={(e) => {
            if (anchor.current?.contains(e.target as Node)) e.preventDefault();
          }}
          // A press in the list must not take focus from the input (the option's click then picks it).
          onMouseDown={(e) => e.preventDefault()}
          className={cn(
            'z-50 w-(--radix-popover-trigger-width) max-w-[calc(100vw-1rem)] overflow-hidden rounded-md border border-slate-200 bg-white text-sm shadow-lg',
            props.listClassName,
          )}
        >
          <Command.List
            ref={setList}
            label={listLabel}
            className="max-h-[min(18rem,var(--radix-popover-content-available-height))] overflow-auto py-1"
          >
            {options.map((o, i) => (
              <Command.Item
                key={keys[i]}
                value={keys[i]}
                onSelect={(k) => {
                  const picked = byKey.get(k);
                  if (picked !== undefined) pick(picked);
                }}
                className="cursor-pointer px-3 py-2 data-[selected=true]:bg-blue-50 data-[selected=true]:text-blue-900"
              >
                {props.renderOption ? props.renderOption(o) : props.getText(o)}
              </Command.Item>
            ))}
            {options.length === 0 && (
              <div role="presentation" className={cn('px-3 py-2', props.error ? 'text-red-700' : 'text-slate-600')}>
                {props.error
                  ? (props.errorText ?? 'Could not search: try again.')
                  : props.loading
                    ? (props.loadingText ?? 'Searching…')
                    : (props.emptyText ?? 'No match.')}
              </div>
            )}
          </Command.List>
        </Popover.Content>
      </Popover.Root>
    </Command>
  );
}
