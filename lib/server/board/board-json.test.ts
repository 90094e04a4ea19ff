/** GET /api/board's shared answer: identical requests in flight together share one read and one serialization. */
import { describe, expect, it, vi } from 'vitest';
import type { BoardData } from '@/lib/scheduling/board-types';
import { boardJson } from './index';

vi.mock('server-only', () => ({}));

describe('boardJson', () => {
  it('shares an answer between identical requests in flight, and only while in flight', async () => {
    const reads: { from: string; lanes: unknown; done: (b: BoardData) => void }[] = [];
    const store = {
      getBoard: vi.fn(
        (from: string, _to: string, lanes?: unknown) =>
          new Promise<BoardData>((done) => reads.push({ from, lanes, done })),
      ),
    };
    const lanes = { page: 1, team: 0, tech: 0 };
    const a = boardJson(store, '2026-12-07', '2026-12-14', lanes);
    const b = boardJson(store, '2026-12-07', '2026-12-14', { ...lanes });
    const whole = boardJson(store, '2026-12-07', '2026-12-14');
    // The lane page and the whole window are two answers; the second lane-page request waits on the first.
    expect(store.getBoard).toHaveBeenCalledTimes(2);
    expect(a).toBe(b);
    reads[0]!.done({ from: 'lane page', version: 1 } as BoardData);
    reads[1]!.done({ from: 'whole', version: 1 } as BoardData);
    expect(JSON.parse(await a)).toEqual({ from: 'lane page', version: 1 });
    expect(JSON.parse(await whole)).toEqual({ from: 'whole', version: 1 });
    // Answered: the next request reads again (nothing is kept beyond the moment).
    const c = boardJson(store, '2026-12-07', '2026-12-14', lanes);
    expect(store.getBoard).toHaveBeenCalledTimes(3);
    reads[2]!.done({ from: 'lane page', version: 2 } as BoardData);
    expect(JSON.parse(await c)).toEqual({ from: 'lane page', version: 2 });
  });
});
