/**
 * The filter of pickers whose options are already in memory (technicians from user/list or the board, a customer's
 * jobs in the document editor): typing narrows them in the browser with no request. Every typed word must appear
 * somewhere in the option's texts (a person's full, first and last name and login; a job's number, type, status and
 * date), ignoring case and accents, so "ter sta" and "stale" both find Terry Stale. The caller's order is kept: the
 * list reads as the select it replaced did, only shorter.
 */
type Text = string | null | undefined;

// "José" is found by "jose": people type names without their accents.
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterByWords<T>(items: readonly T[], term: string, texts: (item: T) => readonly Text[]): T[] {
  const words = fold(term).split(/\s+/).filter(Boolean);
  if (!words.length) return [...items];
  return items.filter((item) => {
    const hay = fold(texts(item).filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  });
}
