'use client';
/** The list pages' URL state (nuqs): search, active filter, parent filters, sort and page. Defaults stay out of the URL. */
import { parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { DEFAULT_PAGE_SIZE, RECORD_SORTS, type RecordListState } from '@/lib/records/list-params';

const parsers = {
  q: parseAsString.withDefault(''),
  active: parseAsStringLiteral(['active', 'inactive'] as const).withDefault('active'),
  sort: parseAsStringLiteral(RECORD_SORTS).withDefault('name'),
  dir: parseAsStringLiteral(['asc', 'desc'] as const).withDefault('asc'),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE),
  customer: parseAsInteger,
  site: parseAsInteger,
};

/**
 * Filter, sort and page changes push a history entry (the back button undoes them); typing in the search box replaces
 * the current entry (see SearchBox) so that Back does not step through every keystroke.
 */
export function useListUrlState() {
  const [state, setState] = useQueryStates(parsers, { history: 'push' });
  return [state as RecordListState & { customer: number | null; site: number | null }, setState] as const;
}
