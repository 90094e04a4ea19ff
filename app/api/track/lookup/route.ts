/**
 * POST /api/track/lookup — a customer's job lookup: job number + the job's access code (lib/track/access-code.ts) →
 * a signed, expiring tracking link. JSON in and out for the page's script; a plain form post (before the script has
 * loaded on a slow phone) gets a 303 redirect to the tracking page or back to the form with the error.
 *
 * Safety: the code is checked first, against the code in force for that number (computed whether or not such a job
 * exists), so a wrong code costs no API request and "no such job" cannot be told from "wrong code" (same status, body
 * and answer time); constant-time comparison; limits per address, per code tried and per job number that never lock
 * the customer out (lib/server/track/limits.ts); nothing personal in the answer.
 */
import { route } from '@/lib/server/http/route';
import { currentAccessCode } from '@/lib/server/track/access-codes';
import { admitLookup, answerFloorMs, recordLookupFailure } from '@/lib/server/track/limits';
import {
  clientIp,
  languageOf,
  padTo,
  trackError,
  trackJson,
  trackKeys,
  PERSONAL_HEADERS,
} from '@/lib/server/track/http';
import { issueInstant } from '@/lib/server/track/revocations';
import { messagesFor, retryText } from '@/lib/track/i18n';
import { parseJobNumber } from '@/lib/track/input';
import { normaliseAccessCode } from '@/lib/track/access-code';
import { MAX_PROOF_LENGTH, proofMatches } from '@/lib/track/proof';
import { signTrackToken } from '@/lib/track/token';
import { findJobByNum } from '@/lib/server/track/upstream';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Outcome =
  | { kind: 'ok'; token: string }
  | { kind: 'invalid'; field: 'jobNumber' | 'proof'; message: string }
  | { kind: 'notFound'; message: string }
  | { kind: 'tooMany'; message: string; retryAfter: number }
  | { kind: 'busy'; message: string };

async function readInput(req: Request): Promise<{ jobNumber: unknown; proof: unknown; form: boolean }> {
  const type = req.headers.get('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const f = await req.formData().catch(() => null);
    return { jobNumber: f?.get('jobNumber'), proof: f?.get('proof'), form: true };
  }
  const b = (await req.json().catch(() => null)) as { jobNumber?: unknown; proof?: unknown } | null;
  return { jobNumber: b?.jobNumber, proof: b?.proof, form: false };
}

async function lookup(req: Request, jobNumber: unknown, proofIn: unknown): Promise<Outcome> {
  const started = Date.now();
  const m = messagesFor(languageOf(req.headers).lang);
  const num = parseJobNumber(jobNumber);
  if (num === null) return { kind: 'invalid', field: 'jobNumber', message: m.errorJobNumber };
  const proof = typeof proofIn === 'string' ? proofIn.trim() : '';
  // Text that cannot be a code (an email, a postcode, a typo in length) is sent back before anything is counted.
  const tried = proof.length <= MAX_PROOF_LENGTH ? normaliseAccessCode(proof) : '';
  if (!tried) return { kind: 'invalid', field: 'proof', message: m.errorProof };

  const wait = await admitLookup(clientIp(req.headers), tried);
  if (wait) return { kind: 'tooMany', message: `${m.errorTooMany} ${retryText(m, wait)}`, retryAfter: wait };
  const floor = await answerFloorMs(num);

  const notFound = async (): Promise<Outcome> => {
    await recordLookupFailure(num, tried);
    await padTo(started, floor);
    return { kind: 'notFound', message: m.errorNotFound };
  };
  if (!proofMatches(tried, currentAccessCode(num))) return notFound();

  // Only a right code gets here: the API is asked about the job.
  let job;
  try {
    job = await findJobByNum(num);
  } catch {
    await padTo(started, floor);
    return { kind: 'busy', message: m.errorBusy };
  }
  if (!job || job.dateDeleted) return notFound();
  // Just after the job's revocation if the clock has not passed it: a link looked up after "Revoke links" works.
  const token = signTrackToken(job.id, trackKeys(), { now: issueInstant(job.id, Date.now()) });
  await padTo(started, floor);
  return { kind: 'ok', token };
}

// Public (customers have no account); its body is JSON or a form, read here rather than by the wrapper.
export const POST = route({ public: true }, async ({ req }) => {
  const { jobNumber, proof, form } = await readInput(req);
  const out = await lookup(req, jobNumber, proof);
  if (form) {
    // No script yet: go where the page would have gone. The error code travels, never what was typed.
    const to =
      out.kind === 'ok'
        ? `/track/${out.token}`
        : `/track?error=${out.kind}${out.kind === 'tooMany' ? `&retry=${out.retryAfter}` : ''}${out.kind === 'invalid' ? `&field=${out.field}` : ''}`;
    return new Response(null, { status: 303, headers: { ...PERSONAL_HEADERS, location: to } });
  }
  switch (out.kind) {
    case 'ok':
      return trackJson({ url: `/track/${out.token}` });
    case 'invalid':
      return trackError(400, 'BadRequest', out.message, { field: out.field });
    case 'notFound':
      return trackError(404, 'NotFound', out.message);
    case 'tooMany':
      return trackError(
        429,
        'TooManyAttempts',
        out.message,
        { retryAfter: out.retryAfter },
        { 'retry-after': String(out.retryAfter) },
      );
    case 'busy':
      return trackError(503, 'Unavailable', out.message, {}, { 'retry-after': '10' });
  }
});
