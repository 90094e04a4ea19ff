'use client';

/**
 * Live refresh: every 30 s ask /api/map for what changed since the version held (the server re-reads positions and
 * changedSince once for every dispatcher), merge it in. Paused while the tab is hidden.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchMapChanges, mapKeys, REFRESH_MS } from '@/lib/queries/map';
import { mergeMapChanges } from '@/lib/geo/map-merge';
import type { MapSnapshot } from '@/lib/geo/map-types';

export function useMapLive(date: string, enabled: boolean, intervalMs = REFRESH_MS) {
  const qc = useQueryClient();
  const busy = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    const key = mapKeys.day(date);
    const tick = async () => {
      const data = qc.getQueryData<MapSnapshot>(key);
      if (!data || busy.current || document.visibilityState === 'hidden') return;
      busy.current = true;
      try {
        const ch = await fetchMapChanges(date, data.version);
        if (ch.reload) {
          await qc.invalidateQueries({ queryKey: key });
          return;
        }
        const current = qc.getQueryData<MapSnapshot>(key);
        if (current) qc.setQueryData<MapSnapshot>(key, mergeMapChanges(current, ch));
      } catch {
        // The next tick tries again; the connection indicator shows upstream trouble.
      } finally {
        busy.current = false;
      }
    };
    const t = setInterval(tick, intervalMs);
    return () => clearInterval(t);
  }, [qc, date, enabled, intervalMs]);
}
