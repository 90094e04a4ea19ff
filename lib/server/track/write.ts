/**
 * The customer's two writes, both on the job's timeline and flagged as coming from the customer (title prefix
 * "Customer"): a message for the office, and a reschedule request, which also opens a follow-up task for the
 * dispatchers. Neither changes the schedule: the office decides and calls back.
 *
 * Every write with a valid link is audited (done, refused, failed, or unknown after a timeout), without an account:
 * user "customer (tracking page)", the job, the client address and the text's length (never the text: the timeline
 * has it). An invalid or expired link is not: it names no job, and logging it would let anyone fill the log.
 */
import 'server-only';
import { epochToLocal, formatApiDateTime } from '../../synchroteam/dates';
import { getEnv } from '../env';
import { messagesFor, retryText } from '../../track/i18n';
import { cleanMessage } from '../../track/input';
import { recordAudit, type AuditEntry } from '../audit';
import { isApiError } from '../../synchroteam/errors';
import { admitWrite } from './limits';
import { clientIp, languageOf, trackError, trackJson } from './http';
import { resolveToken } from './token-guard';
import { addTask, addTimelineNote, getJob } from './upstream';

export const CUSTOMER_MESSAGE_TITLE = 'Customer message (job tracking page)';
export const CUSTOMER_RESCHEDULE_TITLE = 'Customer asks to reschedule (job tracking page)';

export const CUSTOMER_AUDIT_USER = 'customer (tracking page)';

function auditCustomer(entry: Omit<AuditEntry, 'userId' | 'userEmail' | 'method'>) {
  try {
    recordAudit({ ...entry, userId: null, userEmail: CUSTOMER_AUDIT_USER, method: 'POST' });
  } catch (e) {
    // Like the other routes: a failed audit record must not turn a done action into an error.
    console.error('[track] audit record failed', e);
  }
}

export async function handleCustomerWrite(req: Request, token: string, kind: 'message' | 'reschedule') {
  const m = messagesFor(languageOf(req.headers).lang);
  const t = resolveToken(token, m);
  if (t.response) return t.response;
  const ip = clientIp(req.headers);
  const endpoint = `track/${kind}`;
  let keys = `id=${t.jobId.slice(0, 60)}`;
  const audit = (status: number, outcome: AuditEntry['outcome'], detail: string, notSent?: boolean) =>
    auditCustomer({ endpoint, recordKeys: keys, status, outcome, detail: `${detail}; from ${ip}`, notSent });

  const body = (await req.json().catch(() => null)) as { text?: unknown } | null;
  const text = cleanMessage(body?.text);
  if (!text.ok) {
    audit(400, 'refused', text.reason === 'empty' ? 'empty text' : 'text too long');
    return trackError(400, 'BadRequest', text.reason === 'empty' ? m.errorMessageEmpty : m.errorMessageLong, {
      field: 'text',
    });
  }

  const wait = await admitWrite(ip, t.jobId);
  if (wait) {
    audit(429, 'refused', `write limit reached, retry in ${wait} s`);
    return trackError(
      429,
      'TooManyAttempts',
      `${m.errorTooMany} ${retryText(m, wait)}`,
      { retryAfter: wait },
      { 'retry-after': String(wait) },
    );
  }
  const size = `${text.text.length} characters`;
  let sent = false;
  try {
    // Fresh: the status decides whether a reschedule may still be asked for.
    const job = await getJob(t.jobId, 'interactive', { fresh: true });
    if (!job || job.dateDeleted) {
      audit(404, 'refused', 'job gone');
      return trackError(404, 'gone', m.jobGoneTitle);
    }
    keys = `${keys} num=${job.num}`;
    if (kind === 'message') {
      sent = true;
      await addTimelineNote(job, CUSTOMER_MESSAGE_TITLE, text.text);
    } else {
      if (!['created', 'scheduled', 'synchronized'].includes(job.status)) {
        audit(409, 'refused', `job is ${job.status}: no reschedule online`);
        return trackError(409, 'Conflict', m.errorRescheduleClosed);
      }
      sent = true;
      await addTimelineNote(job, CUSTOMER_RESCHEDULE_TITLE, text.text);
      const due = formatApiDateTime(epochToLocal(Date.now(), getEnv().SYNCHROTEAM_TIMEZONE))!;
      await addTask(job, `Customer asks to reschedule job ${job.num} (tracking page): ${text.text}`, due);
    }
    audit(201, 'ok', size);
    return trackJson({ ok: true, message: kind === 'message' ? m.messageSent : m.rescheduleSent }, 201);
  } catch (e) {
    const status = isApiError(e) ? e.status : 503;
    // A 504 once the write was sent: recorded "unknown: may have been saved" (lib/server/audit.ts); before, nothing was.
    audit(status, 'error', `${size}; ${(e as Error)?.message ?? 'failed'}`.slice(0, 300), !sent);
    return trackError(503, 'Unavailable', m.errorBusy, {}, { 'retry-after': '10' });
  }
}
