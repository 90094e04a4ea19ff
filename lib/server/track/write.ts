/**
 * The customer's two writes, both on the job's timeline and flagged as coming from the customer (title prefix
 * "Customer"): a message for the office, and a reschedule request, which also opens a follow-up task for the
 * dispatchers. Neither changes the schedule: the office decides and calls back.
 */
import 'server-only';
import { epochToLocal, formatApiDateTime } from '../../synchroteam/dates';
import { getEnv } from '../env';
import { messagesFor, retryText } from '../../track/i18n';
import { cleanMessage } from '../../track/input';
import { admitWrite } from './limits';
import { clientIp, languageOf, trackError, trackJson } from './http';
import { resolveToken } from './token-guard';
import { addTask, addTimelineNote, getJob } from './upstream';

export const CUSTOMER_MESSAGE_TITLE = 'Customer message (job tracking page)';
export const CUSTOMER_RESCHEDULE_TITLE = 'Customer asks to reschedule (job tracking page)';

export async function handleCustomerWrite(req: Request, token: string, kind: 'message' | 'reschedule') {
  const m = messagesFor(languageOf(req.headers).lang);
  const t = resolveToken(token, m);
  if (t.response) return t.response;
  const body = (await req.json().catch(() => null)) as { text?: unknown } | null;
  const text = cleanMessage(body?.text);
  if (!text.ok) return trackError(400, 'BadRequest', text.reason === 'empty' ? m.errorMessageEmpty : m.errorMessageLong, { field: 'text' });

  const wait = await admitWrite(clientIp(req.headers), t.jobId);
  if (wait) {
    return trackError(429, 'TooManyAttempts', `${m.errorTooMany} ${retryText(m, wait)}`, { retryAfter: wait }, { 'retry-after': String(wait) });
  }
  try {
    // Fresh: the status decides whether a reschedule may still be asked for.
    const job = await getJob(t.jobId, 'interactive', { fresh: true });
    if (!job || job.dateDeleted) return trackError(404, 'gone', m.jobGoneTitle);
    if (kind === 'message') {
      await addTimelineNote(job, CUSTOMER_MESSAGE_TITLE, text.text);
    } else {
      if (!['created', 'scheduled', 'synchronized'].includes(job.status)) return trackError(409, 'Conflict', m.errorRescheduleClosed);
      await addTimelineNote(job, CUSTOMER_RESCHEDULE_TITLE, text.text);
      const due = formatApiDateTime(epochToLocal(Date.now(), getEnv().SYNCHROTEAM_TIMEZONE))!;
      await addTask(job, `Customer asks to reschedule job ${job.num} (tracking page): ${text.text}`, due);
    }
    return trackJson({ ok: true, message: kind === 'message' ? m.messageSent : m.rescheduleSent }, 201);
  } catch {
    return trackError(503, 'Unavailable', m.errorBusy, {}, { 'retry-after': '10' });
  }
}
