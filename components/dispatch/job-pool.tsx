'use client';

/**
 * The unscheduled pool: jobs in status created, sorted by priority then age, searchable and filterable. Items can be
 * dragged onto a lane (FullCalendar's external Draggable) or scheduled through the "Schedule…" button (keyboard path).
 */
import { Draggable } from '@fullcalendar/interaction';
import { CalendarPlus } from 'lucide-react';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Input } from '@/components/ui/input';
import { boardPerson, TechnicianCombobox } from '@/components/jobs/technician-combobox';
import { IdSelect, Select } from '@/components/ui/select';
import type { BoardData, BoardJob } from '@/lib/scheduling/board-types';
import { ageLabel, filterPool, sortPool, type PoolFilter } from '@/lib/scheduling/unscheduled-pool';
import { jobMinutes } from '@/lib/scheduling/job-length';
import { PRIORITY_MARK } from './board-events';

export interface JobPoolProps {
  /** Only what the pool shows: a move on the board (new `jobs`) does not redraw the pool. */
  data: Pick<BoardData, 'pool' | 'jobTypes' | 'teams' | 'technicians'>;
  nowWall: string;
  filter: PoolFilter;
  onFilter: (f: Partial<PoolFilter>) => void;
  onSchedule: (j: BoardJob) => void;
  onOpen: (j: BoardJob) => void;
  /** The job the board's search found in the pool: outlined (the board scrolls it into view and focuses it). */
  highlightId?: string | null;
  /** Shown instead of "No unscheduled job matches" (board-search.tsx PoolWhere: where the job is instead). */
  emptyNote?: ReactNode;
}

/**
 * Items drawn at first, and added by "Show more". The pool is sorted by priority then age, so the first ones are the
 * ones to schedule; drawing all ~400 of a large company made the pool half of the page's DOM, which every layout of
 * the board then paid for.
 */
export const POOL_STEP = 50;

export const JobPool = memo(function JobPool({
  data,
  nowWall,
  filter,
  onFilter,
  onSchedule,
  onOpen,
  highlightId,
  emptyNote,
}: JobPoolProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [limit, setLimit] = useState(POOL_STEP);
  const sorted = useMemo(() => sortPool(data.pool), [data.pool]);
  const shown = useMemo(() => filterPool(sorted, filter), [sorted, filter]);
  const byId = useMemo(() => new Map(data.pool.map((j) => [j.id, j])), [data.pool]);
  const skills = useMemo(() => [...new Set(data.pool.flatMap((j) => j.skills))].sort(), [data.pool]);
  // Preferences are not in job/list: the server reads them job by job within the API budget, so on a cold server
  // some are not known yet, and a preference filter cannot place those jobs. Say so rather than hide them silently.
  const prefFilter = !!(filter.prefDate || filter.prefTeamId != null || filter.prefUserId != null || filter.poolOnly);
  const unknownPrefs = useMemo(() => data.pool.filter((j) => j.preferences === undefined).length, [data.pool]);

  useEffect(() => {
    if (!listRef.current) return;
    const d = new Draggable(listRef.current, {
      itemSelector: '[data-pool-job]',
      eventData: (el) => {
        const j = byId.get(el.getAttribute('data-pool-job') ?? '');
        return {
          title: j ? `#${j.num} ${j.customer.name ?? ''}` : '',
          duration: { minutes: j ? jobMinutes(j, data.jobTypes) : 60 },
          create: false,
          extendedProps: { poolJobId: j?.id },
        };
      },
    });
    return () => d.destroy();
  }, [byId, data.jobTypes]);

  return (
    <aside
      aria-labelledby="pool-title"
      className="flex max-h-[45%] min-h-0 w-full shrink-0 flex-col border-b border-slate-200 bg-white md:max-h-none md:w-80 md:border-r md:border-b-0"
    >
      <div className="space-y-2 border-b border-slate-200 p-3">
        <h2 id="pool-title" className="text-sm font-semibold">
          Unscheduled{' '}
          <span className="font-normal text-slate-500">
            ({shown.length} of {data.pool.length})
          </span>
        </h2>
        <Input
          type="search"
          aria-label="Search unscheduled jobs"
          placeholder="Job # or customer"
          value={filter.q ?? ''}
          onChange={(e) => onFilter({ q: e.target.value })}
        />
        <div className="grid grid-cols-2 gap-2">
          <Select
            aria-label="Pool priority"
            value={filter.priority ?? ''}
            onChange={(e) => onFilter({ priority: e.target.value || null })}
          >
            <option value="">Any priority</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </Select>
          <IdSelect
            aria-label="Pool job type"
            value={filter.typeId}
            options={data.jobTypes}
            none="Any type"
            onValue={(typeId) => onFilter({ typeId })}
          />
          <Select
            aria-label="Pool skill"
            value={filter.skill ?? ''}
            onChange={(e) => onFilter({ skill: e.target.value || null })}
          >
            <option value="">Any skill</option>
            {skills.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
          <IdSelect
            aria-label="Preferred team"
            value={filter.prefTeamId}
            options={data.teams}
            none="Any preferred team"
            onValue={(prefTeamId) => onFilter({ prefTeamId })}
          />
          <TechnicianCombobox
            label="Preferred technician"
            className="min-w-0"
            listClassName="w-64"
            people={data.technicians}
            {...boardPerson}
            value={filter.prefUserId ?? null}
            onChange={(prefUserId) => onFilter({ prefUserId })}
            placeholder="Any preferred tech"
            clearNoun="preferred technician"
          />
          <Input
            type="date"
            aria-label="Preferred date"
            value={filter.prefDate ?? ''}
            onChange={(e) => onFilter({ prefDate: e.target.value || null })}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={!!filter.poolOnly}
            onChange={(e) => onFilter({ poolOnly: e.target.checked })}
          />
          Job pool only
        </label>
        {prefFilter && unknownPrefs > 0 && (
          <p role="status" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
            Preferences of {unknownPrefs} of {data.pool.length} jobs are still being read; they appear here once known.
          </p>
        )}
      </div>
      {/* Phones: the list scrolls in its own box (the page has no fixed height there); from md up it fills the column. */}
      <ul
        ref={listRef}
        className="max-h-[50svh] min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto md:max-h-none"
        aria-label="Unscheduled jobs"
      >
        {shown.length === 0 &&
          (emptyNote ? (
            <li>{emptyNote}</li>
          ) : (
            <li className="p-4 text-sm text-slate-500">No unscheduled job matches.</li>
          ))}
        {shown.slice(0, limit).map((j) => (
          <li
            key={j.id}
            data-pool-job={j.id}
            className={`group cursor-grab px-3 py-2 text-sm hover:bg-slate-50 active:cursor-grabbing ${j.id === highlightId ? 'bg-amber-50 outline-3 -outline-offset-3 outline-amber-700' : ''}`}
          >
            <div className="flex items-start justify-between gap-2">
              <button type="button" className="min-w-0 text-left" onClick={() => onOpen(j)}>
                <span className="font-medium">
                  {PRIORITY_MARK[j.priority] && (
                    <span className="mr-1 text-red-600" aria-label={`${j.priority} priority`}>
                      {PRIORITY_MARK[j.priority]}
                    </span>
                  )}
                  #{j.num}
                </span>{' '}
                <span className="text-slate-700">{j.customer.name}</span>
                <span className="block truncate text-xs text-slate-500">
                  {j.type?.name ?? 'No type'}
                  {j.skills.length ? ` · ${j.skills.join(', ')}` : ''}
                  {j.preferences?.date ? ` · pref. ${j.preferences.date}` : ''}
                  {j.preferences?.isPool ? ' · pool' : ''}
                </span>
              </button>
              <div className="flex shrink-0 flex-col items-end gap-1">
                <span className="text-xs text-slate-500" title={`Created ${j.dateCreated}`}>
                  {ageLabel(j.dateCreated, nowWall)}
                </span>
                <button
                  type="button"
                  onClick={() => onSchedule(j)}
                  className="inline-flex items-center gap-1 rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-white"
                  aria-label={`Schedule job #${j.num}`}
                >
                  <CalendarPlus className="size-3.5" aria-hidden="true" /> Schedule…
                </button>
              </div>
            </div>
          </li>
        ))}
        {shown.length > limit && (
          <li className="p-3 text-center">
            <button
              type="button"
              onClick={() => setLimit((n) => n + POOL_STEP)}
              className="rounded border border-slate-300 px-3 py-1 text-xs text-slate-700 hover:bg-slate-50"
            >
              Show {Math.min(POOL_STEP, shown.length - limit)} more ({shown.length - limit} not shown)
            </button>
          </li>
        )}
      </ul>
    </aside>
  );
});
