/** POST /api/track/[token]/reschedule — a reschedule request: timeline note + task for the dispatchers. Body: {text}. */
import { handleCustomerWrite } from '@/lib/server/track/write';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleCustomerWrite(req, (await params).token, 'reschedule');
}
