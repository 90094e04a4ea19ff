/**
 * The technician pickers' filter. The people are already in memory (user/list, the board's technicians), so typing
 * narrows them in the browser with no request. Every typed word must appear somewhere in the person's texts (full
 * name, first and last name, login), ignoring case and accents, so "ter sta" and "stale" both find Terry Stale. The
 * caller's order is kept: the list reads as the select it replaced did, only shorter.
 */
type Text = string | null | undefined;

// "José" is found by "jose": people type names without their accents.
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterPeople<T>(people: readonly T[], term: string, texts: (p: T) => readonly Text[]): T[] {
  const words = fold(term).split(/\s+/).filter(Boolean);
  if (!words.length) return [...people];
  return people.filter((p) => {
    const hay = fold(texts(p).filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  });
}
