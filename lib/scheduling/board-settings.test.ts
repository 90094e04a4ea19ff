import { describe, expect, it } from 'vitest';
import { boardSettingsKey, readBoardSettings, writeBoardSettings } from './board-settings';

const VIEWS = ['day', 'week', 'tech', 'list'] as const;

describe('board settings', () => {
  it('round-trips what was written', () => {
    const raw = writeBoardSettings({ density: 'compact', view: 'day' });
    expect(readBoardSettings(raw, VIEWS)).toEqual({ density: 'compact', view: 'day' });
  });
  it('falls back to comfortable and no view for nothing, junk or unknown values', () => {
    const fallback = { density: 'comfortable', view: null };
    expect(readBoardSettings(null, VIEWS)).toEqual(fallback);
    expect(readBoardSettings('{not json', VIEWS)).toEqual(fallback);
    expect(readBoardSettings('"week"', VIEWS)).toEqual(fallback);
    expect(readBoardSettings(JSON.stringify({ density: 'tiny', view: 'month' }), VIEWS)).toEqual(fallback);
    expect(readBoardSettings(JSON.stringify({ view: 'tech' }), VIEWS)).toEqual({
      density: 'comfortable',
      view: 'tech',
    });
  });
  it('keys settings per account', () => {
    expect(boardSettingsKey(3)).not.toBe(boardSettingsKey(4));
  });
});
