/** The connected Synchroteam account and the API budget left, for the header's indicator (never calls the API). */
import { NextResponse } from 'next/server';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { buildStatus } from './status';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET() {
  const g = await guardRoute(null);
  if (g.response) return g.response;
  return NextResponse.json(buildStatus(), { headers: { 'cache-control': 'no-store' } });
}
