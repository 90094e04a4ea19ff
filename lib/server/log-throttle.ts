/**
 * Log lines an outsider can trigger at will (a forged session cookie on every request) must not flood the log: at most
 * one line per key (e.g. message kind + client address) per interval; the next line that gets through says how many
 * were held back. Bounded memory (LRU).
 */
import 'server-only';
import { LRUCache } from 'lru-cache';

export interface LogThrottle {
  /** Writes `line` unless this key wrote one less than an interval ago. Returns whether it was written. */
  log(key: string, line: string): boolean;
}

export function createLogThrottle(
  opts: { intervalMs?: number; write?: (line: string) => void; now?: () => number; maxKeys?: number } = {},
): LogThrottle {
  const intervalMs = opts.intervalMs ?? 60_000;
  const write = opts.write ?? ((line: string) => console.error(line));
  const now = opts.now ?? Date.now;
  const seen = new LRUCache<string, { at: number; held: number }>({ max: opts.maxKeys ?? 10_000 });
  return {
    log(key, line) {
      const t = now();
      const s = seen.get(key);
      if (s && t - s.at < intervalMs) {
        s.held++;
        return false;
      }
      const held = s?.held ?? 0;
      seen.set(key, { at: t, held: 0 });
      // One line: newlines from error messages would let a caller forge extra log lines.
      write((held ? `${line} (${held} more like it held back)` : line).replace(/\s*[\r\n]+\s*/g, ' '));
      return true;
    },
  };
}
