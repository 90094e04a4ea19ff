/** GET /api/track/[token] — the tracking page's refresh: the customer's view of the job (whitelisted fields only). */
import { route } from '@/lib/server/http/route';
import { languageOf, trackError, trackJson } from '@/lib/server/track/http';
import { resolveToken } from '@/lib/server/track/token-guard';
import { loadTrackView } from '@/lib/server/track/view';
import { messagesFor } from '@/lib/track/i18n';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Public: the signed link is the customer's only credential. Answers carry PERSONAL_HEADERS and the customer's language.
export const GET = route({ public: true }, async ({ req, params }) => {
  const lang = languageOf(req.headers);
  const m = messagesFor(lang.lang);
  const t = resolveToken(String(params.token), m);
  if (t.response) return t.response;
  try {
    const r = await loadTrackView(t.jobId, lang, 'background');
    if (r.kind === 'gone') return trackError(404, 'gone', m.jobGoneTitle);
    return trackJson({ ok: true, view: r.view });
  } catch {
    return trackError(503, 'Unavailable', m.errorBusy, {}, { 'retry-after': '30' });
  }
});
