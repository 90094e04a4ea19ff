/** POST /api/track/[token]/message — the customer's message, as a timeline note on the job. Body: {text}. */
import { handleCustomerWrite } from '@/lib/server/track/write';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleCustomerWrite(req, (await params).token, 'message');
}
