/** The access code as text (no crypto: the lookup form in the browser uses it too). See lib/track/access-code.ts. */

/** Crockford's base32: no I, L, O or U, so a code read aloud or handwritten is not misread. */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ACCESS_CODE_LENGTH = 8;
/** Longest proof text accepted (a code is 8 characters; room for spaces and dashes around them). */
export const MAX_PROOF_LENGTH = 64;

/** "7K3QM9XZ" → "7K3Q-M9XZ": how the code is shown and sent (the dash is optional when typed). */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What the customer typed → the normalised code, or '' when it cannot be one. Lenient like Crockford's decoding:
 * case, spaces, dashes and dots are ignored; O reads as 0, I and L as 1.
 */
export function normaliseAccessCode(input: unknown): string {
  if (typeof input !== 'string' || input.length > MAX_PROOF_LENGTH) return '';
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== ACCESS_CODE_LENGTH) return '';
  for (const ch of s) if (!ALPHABET.includes(ch)) return '';
  return s;
}
