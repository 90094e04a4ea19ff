/** Joins class names, skipping falsy ones (no dependency needed for this one job). */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
