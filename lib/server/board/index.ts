/** The server's one board store (see board-store.ts), on globalThis so dev-mode reloads keep its cache and log. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '../env';
import { getGateway } from '../upstream';
import { getJobFeed } from '../job-feed';
import { accountToday, addDays, weekStart } from '@/lib/scheduling/wall-clock';
import { BoardStore, type BoardLanes } from './board-store';

export { BoardStore, type BoardLanes } from './board-store';

const KEY = Symbol.for('dispatch-console.board-store');
type Holder = { [KEY]?: BoardStore };

export function getBoardStore(): BoardStore {
  const g = globalThis as Holder;
  let store = g[KEY];
  if (!store) {
    const timeZone = getEnv().SYNCHROTEAM_TIMEZONE;
    // The change feed is the map's too: one changedSince read serves both.
    store = g[KEY] = new BoardStore({
      client: createClient(gatewayTransport(getGateway())),
      timeZone,
      feed: getJobFeed(),
      budget: () => getGateway().snapshot(),
    });
    // The weeks dispatchers open first: read them now (behind anything a person waits for), not on someone's click.
    // A tick later, so that the caller's own week (the dispatch page warms the one in its URL) is asked for first.
    const s = store;
    setTimeout(() => void warmWeeks(s, 2), 0);
  }
  return store;
}

/** Reads this week and the `weeks` − 1 after it into the board's cache, one after another (background priority). */
async function warmWeeks(store: BoardStore, weeks: number): Promise<void> {
  const thisWeek = weekStart(accountToday(getEnv().SYNCHROTEAM_TIMEZONE));
  for (let i = 0; i < weeks; i++)
    await store.warm(addDays(thisWeek, 7 * i), addDays(thisWeek, 7 * (i + 1)), 'background');
}

/**
 * At server start, with the mirror's jobs in place: the four weeks dispatchers open (this one to three ahead), so the
 * first boards after a restart are served from memory (the first cold week took ~0.9 s, bench:mirror). Reading them
 * from the mirror costs no API call; without the mirror (or during its backfill) nothing is warmed, since that would
 * read the API for boards nobody may open.
 */
export function warmBoardsAtStart(): Promise<void> {
  return warmWeeks(getBoardStore(), 4);
}

const answering = new WeakMap<Pick<BoardStore, 'getBoard'>, Map<string, Promise<string>>>();

/**
 * GET /api/board's answer as JSON text. Identical requests that arrive while one is being answered share its answer
 * and its serialization: a week of a large account is megabytes of JSON, and dispatchers coming back together after a
 * restart (bench:day: ten at once) each paid ~100 ms of the server's one thread for the same text.
 */
export function boardJson(
  store: Pick<BoardStore, 'getBoard'>,
  from: string,
  to: string,
  lanes?: BoardLanes,
): Promise<string> {
  let pending = answering.get(store);
  if (!pending) answering.set(store, (pending = new Map()));
  const key = JSON.stringify([from, to, lanes ?? null]);
  let p = pending.get(key);
  if (!p) {
    const map = pending;
    p = store
      .getBoard(from, to, lanes)
      .then((b) => JSON.stringify(b))
      .finally(() => map.delete(key));
    map.set(key, p);
  }
  return p;
}

/** The board week holding `date` ("YYYY-MM-DD", default today in the account's zone), as [from, to). */
export function boardWeek(date: string | null | undefined, timeZone: string): { from: string; to: string } {
  const day =
    date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) ? date : accountToday(timeZone);
  const from = weekStart(day);
  return { from, to: addDays(from, 7) };
}
