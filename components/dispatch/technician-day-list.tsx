'use client';

/**
 * Phones: one technician's day as a list, where the calendar's lanes are too wide to read. Each job is its card (the
 * same text as on the board) opening the quick view, with the board's own actions beside it: move or reassign through
 * the schedule dialog, unschedule. The actions are the board's handlers (use-board-actions.ts), handed in.
 * Technician and day are the board's own URL state (`tech`, `date`), so the calendar below follows the list.
 */
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { boardPerson, TechnicianCombobox } from '@/components/jobs/technician-combobox';
import type { BoardData, BoardJob } from '@/lib/scheduling/board-types';
import { cardLabel, type Density, type JobCard } from '@/lib/scheduling/job-card';
import { laneWarnings } from '@/lib/scheduling/lane-warnings';
import { technicianDayJobs } from '@/lib/scheduling/technician-day';
import { addDays } from '@/lib/scheduling/wall-clock';
import { canApply, isSchedulable } from '@/lib/synchroteam/job-status';
import { jobMatches, STATUS_COLORS, toJobEvent, type BoardFilters } from './board-events';
import { jobCardHtml } from '@/lib/scheduling/job-card-html';
// The card styles, here too: the list draws before the calendar's code (which imports them) has loaded.
import './board.css';

export interface TechnicianDayListProps {
  data: BoardData;
  filters: BoardFilters;
  day: string;
  technicianId: number | null;
  density: Density;
  onTechnician: (id: number | null) => void;
  onDay: (day: string) => void;
  onOpen: (j: BoardJob) => void;
  onMove: (j: BoardJob) => void;
  onUnschedule: (j: BoardJob) => void;
}

const dayTitle = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  });

export function TechnicianDayList({
  data,
  filters,
  day,
  technicianId,
  density,
  onTechnician,
  onDay,
  onOpen,
  onMove,
  onUnschedule,
}: TechnicianDayListProps) {
  const jobs = useMemo(
    () =>
      technicianId === null
        ? []
        : technicianDayJobs(data.jobs, technicianId, day).filter((j) => jobMatches(j, filters)),
    [data.jobs, technicianId, day, filters],
  );
  const warnings = useMemo(() => laneWarnings(jobs, data), [jobs, data]);
  const name = data.technicians.find((t) => t.id === technicianId)?.name;

  return (
    <section
      aria-labelledby="day-list-title"
      className="technician-day-list border-b border-slate-200 bg-white p-3 md:hidden"
      data-density={density}
    >
      <h2 id="day-list-title" className="text-sm font-semibold">
        Technician’s day
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <TechnicianCombobox
          label="Technician for the day list"
          className="w-full"
          inputClassName="h-9 py-1"
          people={data.technicians}
          {...boardPerson}
          value={technicianId}
          onChange={onTechnician}
          placeholder="Choose a technician…"
        />
        <div className="flex w-full items-center justify-between gap-1">
          <Button variant="secondary" size="sm" onClick={() => onDay(addDays(day, -1))} aria-label="Previous day">
            <ChevronLeft className="size-4" aria-hidden="true" />
          </Button>
          <span className="min-w-32 text-center text-sm" aria-live="polite">
            {dayTitle(day)}
          </span>
          <Button variant="secondary" size="sm" onClick={() => onDay(addDays(day, 1))} aria-label="Next day">
            <ChevronRight className="size-4" aria-hidden="true" />
          </Button>
        </div>
      </div>
      {technicianId === null ? (
        <p className="mt-3 text-sm text-slate-600">Choose a technician to list their jobs of the day.</p>
      ) : (
        <ul aria-label={`Jobs of ${name ?? 'the technician'}, ${dayTitle(day)}`} className="mt-3 space-y-2">
          {jobs.length === 0 && <li className="text-sm text-slate-600">No jobs this day.</li>}
          {jobs.map((j) => {
            const card = toJobEvent(j, warnings.get(j.id)).extendedProps!.card as JobCard;
            const colors = STATUS_COLORS[j.status];
            return (
              <li
                key={j.id}
                className="rounded-md border border-l-4 p-2"
                style={{ background: colors.bg, borderColor: colors.border, color: colors.text }}
              >
                {/* The card's text as the calendar draws it (lib/scheduling/job-card-html.ts: escaped), so a job reads the same in both. */}
                <button
                  type="button"
                  className="block w-full text-left"
                  aria-label={cardLabel(card)}
                  onClick={() => onOpen(j)}
                  dangerouslySetInnerHTML={{ __html: jobCardHtml(card, density === 'compact' ? 'short' : 'full') }}
                />
                {(isSchedulable(j.status) || canApply(j.status, 'unschedule')) && (
                  <div className="mt-2 flex gap-2">
                    {isSchedulable(j.status) && (
                      <Button variant="secondary" size="sm" onClick={() => onMove(j)}>
                        Move…<span className="sr-only"> job #{j.num}</span>
                      </Button>
                    )}
                    {canApply(j.status, 'unschedule') && (
                      <Button variant="secondary" size="sm" onClick={() => onUnschedule(j)}>
                        Unschedule<span className="sr-only"> job #{j.num}</span>
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
