import { NextResponse } from 'next/server';
import { guardRoute } from '@/lib/server/auth/route-guard';
import { getMirror, getUpstreamGateway } from '@/lib/server/upstream';
import { mirrorResources, mirrorStatus } from '@/lib/server/mirror/status';
import type { SyncResponse } from '@/components/admin/sync-types';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The admin Sync page's figures: local reads of the mirror's cursors and counters (no API call). */
export async function GET() {
  const g = await guardRoute('accounts');
  if (g.response) return g.response;
  const m = getMirror();
  const body: SyncResponse = m
    ? { mirror: 'on', resources: mirrorResources(m), status: mirrorStatus(m), quotaLimit: getUpstreamGateway().snapshot().quotaLimit, at: Date.now() }
    : { mirror: 'off', at: Date.now() };
  return NextResponse.json(body, { headers: { 'cache-control': 'no-store' } });
}
