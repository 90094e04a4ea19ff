/** Board data → FullCalendar resources and events (wall clock fed as UTC, see lib/scheduling/wall-clock.ts). */
import type { EventInput } from '@fullcalendar/core';
import type { ResourceInput } from '@fullcalendar/resource';
import type { BoardActivity, BoardData, BoardJob, BoardTechnician } from '@/lib/scheduling/board-types';
import type { PlacementWarning } from '@/lib/scheduling/conflicts';
import type { ProposalMove } from '@/lib/optimize/proposal';
import { cardLabel, cardTooltip, jobCard, PRIORITY_MARKS } from '@/lib/scheduling/job-card';
import { wallClockToCalendarIso } from '@/lib/scheduling/wall-clock';
import { isSchedulable, type JobStatus } from '@/lib/synchroteam/job-status';
import { timeOfDay } from '@/lib/synchroteam/dates';

export const STATUS_COLORS: Record<JobStatus, { bg: string; border: string; text: string; label: string }> = {
  created: { bg: '#f1f5f9', border: '#64748b', text: '#0f172a', label: 'Created' },
  scheduled: { bg: '#dbeafe', border: '#1d4ed8', text: '#1e3a8a', label: 'Scheduled' },
  synchronized: { bg: '#e0e7ff', border: '#4338ca', text: '#312e81', label: 'Synchronized' },
  started: { bg: '#fef3c7', border: '#b45309', text: '#78350f', label: 'Started' },
  paused: { bg: '#ffedd5', border: '#c2410c', text: '#7c2d12', label: 'Paused' },
  completed: { bg: '#dcfce7', border: '#15803d', text: '#14532d', label: 'Completed' },
  validated: { bg: '#d1fae5', border: '#047857', text: '#064e3b', label: 'Validated' },
  cancelled: { bg: '#f3f4f6', border: '#9ca3af', text: '#4b5563', label: 'Cancelled' },
};

export const PRIORITY_MARK = PRIORITY_MARKS;

export interface BoardFilters {
  team: number | null;
  tech: number | null;
  status: string[];
  type: number | null;
  priority: string | null;
  q: string;
}

export function toResources(techs: readonly BoardTechnician[]): ResourceInput[] {
  return techs.map((t) => ({
    id: String(t.id),
    title: t.name,
    extendedProps: { team: t.teams[0] ?? 'No team', skills: t.skills.join(', ') },
  }));
}

const DEFAULT_STATUSES = new Set<JobStatus>([
  'scheduled',
  'synchronized',
  'started',
  'paused',
  'completed',
  'validated',
]);

export function jobVisible(j: BoardJob, f: BoardFilters, lanes: ReadonlySet<string>): boolean {
  return jobMatches(j, f) && j.technicianId !== null && lanes.has(String(j.technicianId));
}

/** The board's filters (status, type, priority, search) without the lanes: also the phone day list's. */
export function jobMatches(j: BoardJob, f: BoardFilters): boolean {
  if (f.status.length ? !f.status.includes(j.status) : !DEFAULT_STATUSES.has(j.status)) return false;
  if (f.type !== null && j.type?.id !== f.type) return false;
  if (f.priority && j.priority !== f.priority) return false;
  if (f.q) {
    const s = f.q.trim().toLowerCase().replace(/^#/, '');
    if (s && !String(j.num).startsWith(s) && !(j.customer.name ?? '').toLowerCase().includes(s)) return false;
  }
  return true;
}

const NO_WARNINGS: readonly PlacementWarning[] = [];

/** An event per job and warnings: kept while both are the same, so BoardCalendar can tell what a save changed. */
const eventCache = new WeakMap<BoardJob, { warnings: string; event: EventInput }>();

/**
 * A job as a board event. Its card (extendedProps.card) is drawn by board-calendar.tsx's eventContent; its title is the
 * card's accessible name, which also tells BoardCalendar (alreadyShows) when a card's text changed.
 */
export function toJobEvent(j: BoardJob, warnings: readonly PlacementWarning[] = NO_WARNINGS): EventInput {
  const said = warnings.map((w) => w.message);
  const key = said.join('\n');
  const hit = eventCache.get(j);
  if (hit?.warnings === key) return hit.event;
  const c = STATUS_COLORS[j.status];
  // The status is written out and drawn as an icon, not told by the event's colour alone (WCAG 1.4.1).
  const card = jobCard(j, c.label, said);
  const event: EventInput = {
    id: j.id,
    resourceIds: [String(j.technicianId), ...j.otherTechnicianIds.map(String)],
    start: wallClockToCalendarIso(j.start!),
    end: wallClockToCalendarIso(j.end!),
    title: cardLabel(card),
    backgroundColor: c.bg,
    borderColor: c.border,
    textColor: c.text,
    classNames: [`job-${j.status}`, `prio-${j.priority}`, ...(said.length ? ['has-warning'] : [])],
    editable: isSchedulable(j.status),
    // Only the lead technician's lane may be resized; others follow.
    extendedProps: {
      kind: 'job',
      jobId: j.id,
      status: j.status,
      priority: j.priority,
      card,
      tooltip: cardTooltip(card),
    },
  };
  eventCache.set(j, { warnings: key, event });
  return event;
}

/** Translucent so the hour lines show through; drawn at full opacity with dark titles (board.css) for contrast. */
const ACTIVITY_COLORS: Record<BoardActivity['category'], string> = {
  unavail: 'rgba(254, 202, 202, 0.75)',
  travel: 'rgba(199, 210, 254, 0.6)',
  atwork: 'rgba(187, 247, 208, 0.6)',
  clock: '#e5e7eb',
};

export function toActivityEvents(
  acts: readonly BoardActivity[],
  data: Pick<BoardData, 'teams' | 'technicians'>,
  lanes: ReadonlySet<string>,
): EventInput[] {
  const out: EventInput[] = [];
  for (const a of acts) {
    if (a.category === 'clock') continue;
    let ids: string[];
    if (a.userId !== null) ids = lanes.has(String(a.userId)) ? [String(a.userId)] : [];
    else {
      const team = data.teams.find((t) => t.id === a.teamId)?.name.toLowerCase();
      ids = data.technicians
        .filter((t) => lanes.has(String(t.id)) && t.teams.some((n) => n.toLowerCase() === team))
        .map((t) => String(t.id));
    }
    if (!ids.length) continue;
    out.push({
      id: `act-${a.id}`,
      resourceIds: ids,
      start: wallClockToCalendarIso(a.start),
      end: wallClockToCalendarIso(a.end),
      display: 'background',
      backgroundColor: ACTIVITY_COLORS[a.category],
      title: a.category === 'unavail' ? `Unavailable: ${a.name}` : a.name,
      classNames: [`activity-${a.category}`],
      extendedProps: { kind: 'activity' },
    });
  }
  return out;
}

/** Scheduling windows as light shading across every lane and day shown. */
export function toWindowEvents(data: Pick<BoardData, 'windows'>, days: readonly string[]): EventInput[] {
  return data.windows.flatMap((w, i) =>
    days.map((d) => ({
      id: `win-${w.id}-${d}`,
      start: `${d}T${w.startTime}:00Z`,
      end: `${d}T${w.endTime}:00Z`,
      display: 'background',
      backgroundColor: i % 2 ? '#fef9c3' : '#ecfeff',
      classNames: ['scheduling-window'],
      extendedProps: { kind: 'window' },
    })),
  );
}

/**
 * The optimizer's kept moves as ghost cards: dashed, not draggable, named "Proposed: …" for screen readers. A re-timed
 * job's own card stays where it is until the move is applied.
 */
export function toGhostEvents(moves: readonly ProposalMove[], lanes: ReadonlySet<string>): EventInput[] {
  return moves
    .filter((m) => lanes.has(String(m.technicianId)))
    .map((m) => ({
      id: `ghost-${m.jobId}`,
      resourceIds: [String(m.technicianId)],
      start: wallClockToCalendarIso(m.start),
      end: wallClockToCalendarIso(m.end),
      title: `Proposed: job #${m.num}${m.customerName ? ` · ${m.customerName}` : ''}, ${timeOfDay(m.start)}–${timeOfDay(m.end)}`,
      classNames: ['ghost-move'],
      editable: false,
      backgroundColor: '#ffffff',
      borderColor: '#0f766e',
      textColor: '#134e4a',
      extendedProps: { kind: 'ghost', jobId: m.jobId },
    }));
}
