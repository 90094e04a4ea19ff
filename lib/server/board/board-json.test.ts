/** GET /api/board's shared answer: identical requests close together share one read and one serialization. */
import { describe, expect, it, vi } from 'vitest';
import type { BoardData } from '@/lib/scheduling/board-types';
import { ANSWER_REUSE_MS, boardJson, forgetBoardAnswers } from './index';

vi.mock('server-only', () => ({}));

describe('boardJson', () => {
  it('shares an answer between identical requests in flight and for a second after, never a failure', async () => {
    const reads: { from: string; lanes: unknown; done: (b: BoardData) => void; fail: (e: Error) => void }[] = [];
    const store = {
      getBoard: vi.fn(
        (from: string, _to: string, lanes?: unknown) =>
          new Promise<BoardData>((done, fail) => reads.push({ from, lanes, done, fail })),
      ),
    };
    let clock = 1_000_000;
    const lanes = { page: 1, team: 0, tech: 0 };
    const a = boardJson(store, '2026-12-07', '2026-12-14', lanes, ANSWER_REUSE_MS, () => clock);
    const b = boardJson(store, '2026-12-07', '2026-12-14', { ...lanes }, ANSWER_REUSE_MS, () => clock);
    const whole = boardJson(store, '2026-12-07', '2026-12-14', undefined, ANSWER_REUSE_MS, () => clock);
    // The lane page and the whole window are two answers; the second lane-page request waits on the first.
    expect(store.getBoard).toHaveBeenCalledTimes(2);
    expect(a).toBe(b);
    reads[0]!.done({ from: 'lane page', version: 1 } as BoardData);
    reads[1]!.done({ from: 'whole', version: 1 } as BoardData);
    expect(JSON.parse(await a)).toEqual({ from: 'lane page', version: 1 });
    expect(JSON.parse(await whole)).toEqual({ from: 'whole', version: 1 });
    // Answered: given again for ANSWER_REUSE_MS, then read again.
    expect(await boardJson(store, '2026-12-07', '2026-12-14', lanes, ANSWER_REUSE_MS, () => clock)).toBe(await a);
    expect(store.getBoard).toHaveBeenCalledTimes(2);
    clock += ANSWER_REUSE_MS;
    const c = boardJson(store, '2026-12-07', '2026-12-14', lanes, ANSWER_REUSE_MS, () => clock);
    expect(store.getBoard).toHaveBeenCalledTimes(3);
    reads[2]!.done({ from: 'lane page', version: 2 } as BoardData);
    expect(JSON.parse(await c)).toEqual({ from: 'lane page', version: 2 });
    // A change reached the mirror: answers made before it are not given again.
    forgetBoardAnswers();
    const e = boardJson(store, '2026-12-07', '2026-12-14', lanes, ANSWER_REUSE_MS, () => clock);
    expect(store.getBoard).toHaveBeenCalledTimes(4);
    reads[3]!.done({ from: 'lane page', version: 3 } as BoardData);
    expect(JSON.parse(await e)).toEqual({ from: 'lane page', version: 3 });
    // A failed read is not kept: the next request reads again.
    clock += ANSWER_REUSE_MS;
    const d = boardJson(store, '2026-12-07', '2026-12-14', undefined, ANSWER_REUSE_MS, () => clock);
    reads[4]!.fail(new Error('upstream down'));
    await expect(d).rejects.toThrow('upstream down');
    void boardJson(store, '2026-12-07', '2026-12-14', undefined, ANSWER_REUSE_MS, () => clock);
    expect(store.getBoard).toHaveBeenCalledTimes(6);
  });
});
