/** What customers type, read leniently and bounded. */

export const MAX_MESSAGE_LENGTH = 1000;

/** "1042", " #1042 ", "No 1042", "1 042" → 1042; anything else (letters in between, no digits, too long) → null. */
export function parseJobNumber(input: unknown): number | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  const s = String(input)
    .trim()
    .replace(/^(?:job|no\.?|n°|#)\s*/i, '')
    .replace(/^#/, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

/**
 * A message for the office: control characters removed (newlines and tabs kept), runs of blank lines collapsed,
 * trimmed. null when nothing is left or it is longer than MAX_MESSAGE_LENGTH.
 */
export function cleanMessage(input: unknown): { ok: true; text: string } | { ok: false; reason: 'empty' | 'long' } {
  if (typeof input !== 'string') return { ok: false, reason: 'empty' };
  const text = input
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (text.length > MAX_MESSAGE_LENGTH) return { ok: false, reason: 'long' };
  return { ok: true, text };
}
