/**
 * NEXTAUTH_SECRET when none is configured: generated once and kept in data/.nextauth-secret (mode 600), so sessions
 * survive restarts without anyone having to invent a secret for a local or demo install.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function loadOrCreateSecret(file = resolve(process.env.APP_DATA_DIR || 'data', '.nextauth-secret')): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
