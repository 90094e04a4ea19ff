/** The connected Synchroteam account and the API budget left, for the header's indicator (never calls the API). */
import { route } from '@/lib/server/http/route';
import { buildStatus } from './status';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = route({ area: null }, () => buildStatus());
