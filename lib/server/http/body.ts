/**
 * The one request-body reader with a size limit. The request proxy (proxy.ts) refuses an over-long declared body
 * before any route runs; this reader also counts what actually arrives, so a route that reads through it never holds
 * more than its limit in memory whatever the headers said.
 */
import 'server-only';
import { bodyLimitFor } from './request-guard';

export type BodyRead = { ok: true; text: string } | { ok: false };

export async function readLimited(
  req: Request,
  limit: number = bodyLimitFor(new URL(req.url).pathname),
): Promise<BodyRead> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { ok: false };
  if (!req.body) return { ok: true, text: '' };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
