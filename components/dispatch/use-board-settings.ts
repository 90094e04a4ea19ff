'use client';

/**
 * The signed-in person's board settings (lib/scheduling/board-settings.ts) from localStorage, shared by every board
 * tab of that browser. The server renders the defaults; the stored settings apply right after hydration, before the
 * board's data and calendar arrive, so the calendar opens in the remembered view without redrawing.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  boardSettingsKey,
  readBoardSettings,
  writeBoardSettings,
  type BoardSettings,
} from '@/lib/scheduling/board-settings';
import { VIEWS } from './board-url-params';

type View = (typeof VIEWS)[number];

/** Same-tab writes announce themselves like another tab's do ('storage' fires only in the other tabs). */
const CHANGED = 'dispatch-console:board-settings';

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage refused (a locked-down browser): the defaults, and nothing remembered
  }
}

export function useBoardSettings(accountId: number | string) {
  const key = boardSettingsKey(accountId);
  const raw = useSyncExternalStore(
    subscribe,
    () => stored(key),
    () => null,
  );
  const settings = useMemo(() => readBoardSettings(raw, VIEWS), [raw]);
  const update = useCallback(
    (patch: Partial<BoardSettings<View>>) => {
      try {
        window.localStorage.setItem(key, writeBoardSettings({ ...readBoardSettings(stored(key), VIEWS), ...patch }));
      } catch {
        return;
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [key],
  );
  return [settings, update] as const;
}
