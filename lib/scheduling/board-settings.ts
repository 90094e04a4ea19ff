/**
 * A dispatcher's own board settings: card density and the view the board opens in when the address names none.
 * Kept in the browser's localStorage under a key per signed-in account: the app database has no per-person
 * preference store, and these are a person's habits on a device, not data others need. Pure: parsing and keys only
 * (components/dispatch/use-board-settings.ts reads and writes the storage).
 */
import { DENSITIES, type Density } from './job-card';

export interface BoardSettings<V extends string = string> {
  density: Density;
  /** The view last chosen; null until the person chooses one. */
  view: V | null;
}

/** One key per account (its id), so two people sharing a browser keep their own settings. */
export function boardSettingsKey(accountId: number | string): string {
  return `dispatch-console:board-settings:${accountId}`;
}

/** Stored text → settings; anything unreadable or unknown (an older or foreign value) falls back to the defaults. */
export function readBoardSettings<V extends string>(raw: string | null, views: readonly V[]): BoardSettings<V> {
  let v: unknown = null;
  try {
    v = raw ? JSON.parse(raw) : null;
  } catch {
    v = null;
  }
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  return {
    density: (DENSITIES as readonly unknown[]).includes(o.density) ? (o.density as Density) : 'comfortable',
    view: (views as readonly unknown[]).includes(o.view) ? (o.view as V) : null,
  };
}

export function writeBoardSettings(s: BoardSettings): string {
  return JSON.stringify({ density: s.density, view: s.view });
}
