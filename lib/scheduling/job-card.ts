/**
 * What a job card on the dispatch board says, as text (isomorphic, pure): the parts a dispatcher decides on — who,
 * what, when, status, priority, placement warnings — and how many of them fit a view and density. The board draws
 * these lines into FullCalendar's events (job-card-html.ts); the same facts make the event's
 * accessible name and tooltip, so what a screen reader hears is what a sighted dispatcher reads.
 */
import type { JobStatus } from '../synchroteam/job-status';
import type { BoardJob, Priority } from './board-types';
import { timeSpan } from './conflicts';

export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

/**
 * How much a card may say: `full` (Day and Technician views, comfortable: three lines), `short` (same views, compact:
 * two lines), `week` (two lines: who, then when: a one-hour job in Week view is about 80 px wide), `line` (the List
 * view, one row of a table that has its own time column).
 */
export type CardLayout = 'full' | 'short' | 'week' | 'line';

/**
 * Status icons as text glyphs beside the status colour (the colour alone says nothing to some people, WCAG 1.4.1).
 * Text, not SVG: a large week draws thousands of cards, and a glyph costs one text node.
 */
export const STATUS_ICONS: Record<JobStatus, string> = {
  created: '○',
  scheduled: '◷',
  synchronized: '⇄',
  started: '▶\uFE0E',
  paused: '❚❚',
  completed: '✓',
  validated: '✔',
  cancelled: '✕',
};

export const PRIORITY_MARKS: Record<Priority, string> = { high: '▲', medium: '', low: '▽' };

/** The warning mark's glyph (text presentation, not the emoji). */
export const WARNING_MARK = '⚠\uFE0E';

export interface JobCard {
  num: number;
  /** The customer's name, else the site's, else the job number. */
  who: string;
  type: string | null;
  /** "10:00–11:30" (with dates when the job ends on another day). */
  time: string;
  status: JobStatus;
  statusLabel: string;
  priority: Priority;
  /** Placement checks that fail where the job is now (lib/scheduling/lane-warnings.ts). */
  warnings: string[];
}

export function jobCard(j: BoardJob, statusLabel: string, warnings: readonly string[] = []): JobCard {
  return {
    num: j.num,
    who: j.customer.name?.trim() || j.site?.name?.trim() || `Job #${j.num}`,
    type: j.type?.name?.trim() || null,
    time: j.start && j.end ? timeSpan(j.start, j.end) : 'Not scheduled',
    status: j.status,
    statusLabel,
    priority: j.priority,
    warnings: [...warnings],
  };
}

/** One run of text on a card line; `kind` picks its style (the name stands out, marks carry colour). */
export interface CardPart {
  kind: 'priority' | 'status' | 'who' | 'meta' | 'warning';
  text: string;
}

const sep = (parts: (string | null | false)[]) => parts.filter(Boolean).join(' · ');

/**
 * The card's lines for a layout, first line first. The priority and warning marks lead the name (rare, and what a
 * dispatcher must not miss); the time leads its line and the status icon follows it, so a one-hour card in Week view
 * clips the icon and the job number before it clips the time (its colour, tooltip and name still say the status).
 * A line's first part (and the marks) is what must show; the parts after it give way (board.css).
 */
export function cardLines(c: JobCard, layout: CardLayout): CardPart[][] {
  const flags: CardPart[] = [
    ...(PRIORITY_MARKS[c.priority] ? [{ kind: 'priority' as const, text: PRIORITY_MARKS[c.priority] }] : []),
    ...(c.warnings.length ? [{ kind: 'warning' as const, text: WARNING_MARK }] : []),
  ];
  const who: CardPart = { kind: 'who', text: c.who };
  const icon: CardPart = { kind: 'status', text: STATUS_ICONS[c.status] };
  const meta = (...texts: (string | null)[]): CardPart => ({ kind: 'meta', text: sep(texts) });
  switch (layout) {
    case 'full':
      return [[...flags, who], [meta(c.type, `#${c.num}`)], [meta(c.time), icon, meta(c.statusLabel)]];
    case 'short':
      return [
        [...flags, who],
        [meta(c.time), icon, meta(c.type, `#${c.num}`, c.statusLabel)],
      ];
    case 'week':
      return [
        [...flags, who],
        [meta(c.time), icon, meta(`#${c.num}`)],
      ];
    case 'line':
      return [[...flags, icon, who, meta(c.type, `#${c.num}`, c.statusLabel)]];
  }
}

const PRIORITY_WORDS: Record<Priority, string | null> = { high: 'high priority', medium: null, low: 'low priority' };

function warningWords(w: readonly string[]): string | null {
  if (!w.length) return null;
  return `${w.length === 1 ? 'warning' : `${w.length} warnings`}: ${w.join(' ')}`;
}

/** The event's accessible name: everything the fullest card shows, in reading order. */
export function cardLabel(c: JobCard): string {
  const facts = [c.who, c.type, c.time, c.statusLabel, PRIORITY_WORDS[c.priority], warningWords(c.warnings)];
  return `Job #${c.num}: ${facts.filter(Boolean).join(', ')}`;
}

/** The event's tooltip: the same facts, one per line, for a pointer resting on a card too small to say them. */
export function cardTooltip(c: JobCard): string {
  return [
    `#${c.num} ${c.who}`,
    c.type,
    sep([c.time, c.statusLabel, PRIORITY_WORDS[c.priority]]),
    ...c.warnings.map((w) => `${WARNING_MARK} ${w}`),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The layout a board view gives its cards at a density (List: one row whatever the density). */
export function cardLayout(view: 'day' | 'week' | 'tech' | 'list', density: Density): CardLayout {
  if (view === 'list') return 'line';
  if (view === 'week') return 'week';
  return density === 'compact' ? 'short' : 'full';
}
