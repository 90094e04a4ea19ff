/**
 * The first page of a record list, fetched by the page's server component so that it arrives with the HTML: the list
 * budget (first page ≤ 1 s) then does not wait for the browser's JavaScript and a second round trip. A failure here is
 * not shown: the client fetches again and shows its own loading and error states.
 */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import type { Page } from '@/lib/synchroteam/schemas/common';
import { getGateway } from '@/lib/server/upstream';
import { listStateFromSearchParams, toListQuery, type FirstPage } from '@/lib/records/list-params';
import type { RecordKind } from '@/lib/records/record-kind';

export async function firstPage(
  kind: RecordKind,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<FirstPage | undefined> {
  const query = toListQuery(listStateFromSearchParams(searchParams));
  try {
    const client = createClient(gatewayTransport(getGateway()));
    const page = await client[kind].list(query, { priority: 'interactive', signal: AbortSignal.timeout(2500) });
    return { query, page: page as Page<unknown> };
  } catch {
    return undefined;
  }
}
