/** POST /api/track/[token]/message — the customer's message, as a timeline note on the job. Body: {text}. */
import { route } from '@/lib/server/http/route';
import { handleCustomerWrite } from '@/lib/server/track/write';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Public: the customer has the link, not a session. The body is read by handleCustomerWrite after the link is checked.
export const POST = route({ public: true }, ({ req, params }) =>
  handleCustomerWrite(req, String(params.token), 'message'),
);
