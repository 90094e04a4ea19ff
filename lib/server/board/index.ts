/** The server's one board store (see board-store.ts), on globalThis so dev-mode reloads keep its cache and log. */
import 'server-only';
import { createClient, gatewayTransport } from '@/lib/synchroteam/client';
import { getEnv } from '../env';
import { getGateway, getMirror } from '../upstream';
import { getJobFeed } from '../job-feed';
import { accountToday, addDays, weekStart } from '@/lib/scheduling/wall-clock';
import { BoardStore, type BoardLanes } from './board-store';
import type { ResourceName } from '../mirror/resources';

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

/** How long a board answer is given again to identical requests (its version tells the client where changes start). */
export const ANSWER_REUSE_MS = 1_000;

type Answers = WeakMap<
  Pick<BoardStore, 'getBoard'>,
  Map<string, { text?: string; at: number; pending?: Promise<string> }>
>;
let answers: Answers = new WeakMap();

/** Answers made before now are not given again (a change reached the mirror: a write, a sync read). */
export function forgetBoardAnswers(): void {
  answers = new WeakMap();
}

let listening = false;
/** What a board shows: a change to anything else (customers, invoices, …) leaves its answers as they are. */
const BOARD_RESOURCES = new Set<ResourceName>([
  'jobs',
  'activities',
  'activityTypes',
  'users',
  'teams',
  'jobTypes',
  'schedulingWindows',
]);
/**
 * How long the server gives an answer again: ANSWER_REUSE_MS with the mirror, whose every change to what a board shows
 * (a write included, before its writer has the reply) forgets the answers; without it, 0 (only requests in flight
 * together share one).
 */
export function boardAnswerReuseMs(): number {
  const mirror = getMirror();
  if (!mirror) return 0;
  if (!listening) {
    mirror.subscribe((changed) => {
      if (changed.some((r) => BOARD_RESOURCES.has(r))) forgetBoardAnswers();
    });
    listening = true;
  }
  return ANSWER_REUSE_MS;
}

/**
 * GET /api/board's answer as JSON text. Identical requests share one answer while it is being made and for `reuseMs`
 * after (boardAnswerReuseMs): a week of a large account is megabytes of JSON (~100 ms of the server's one thread),
 * and dispatchers coming back together after a restart (bench:day: ten at once) each paid it for the same text. An
 * answer a second old is as good as a new one: it carries its version, and the client's next changes poll starts there.
 */
export function boardJson(
  store: Pick<BoardStore, 'getBoard'>,
  from: string,
  to: string,
  lanes?: BoardLanes,
  reuseMs = ANSWER_REUSE_MS,
  now: () => number = Date.now,
): Promise<string> {
  let byKey = answers.get(store);
  if (!byKey) answers.set(store, (byKey = new Map()));
  const key = JSON.stringify([from, to, lanes ?? null]);
  const hit = byKey.get(key);
  if (hit?.pending) return hit.pending;
  if (hit?.text !== undefined && now() - hit.at < reuseMs) return Promise.resolve(hit.text);
  for (const [k, v] of byKey) if (!v.pending && now() - v.at >= reuseMs) byKey.delete(k);
  const map = byKey;
  const entry: { text?: string; at: number; pending?: Promise<string> } = { at: now() };
  entry.pending = store
    .getBoard(from, to, lanes)
    .then((b) => {
      entry.text = JSON.stringify(b);
      entry.at = now();
      return entry.text;
    })
    .catch((e: unknown) => {
      map.delete(key);
      throw e;
    })
    .finally(() => (entry.pending = undefined));
  map.set(key, entry);
  return entry.pending;
}

/** The board week holding `date` ("YYYY-MM-DD", default today in the account's zone), as [from, to). */
export function boardWeek(date: string | null | undefined, timeZone: string): { from: string; to: string } {
  const day =
    date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) ? date : accountToday(timeZone);
  const from = weekStart(day);
  return { from, to: addDays(from, 7) };
}
