import { retryText, type Messages } from '@/lib/track/i18n';

/** The error a native (script-less) form post came back with (?error=…&retry=…), in words. */
export function lookupErrorFromQuery(m: Messages, error: string | undefined, retry: string | undefined): string | null {
  if (error === 'notFound') return m.errorNotFound;
  if (error === 'tooMany') return `${m.errorTooMany} ${retryText(m, Number(retry) || 60)}`;
  if (error === 'invalid') return `${m.errorJobNumber} ${m.errorProof}`;
  if (error === 'busy') return m.errorBusy;
  return null;
}
