'use client';

import { ChevronLeft, ChevronRight, Sparkles } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { boardPerson, TechnicianCombobox } from '@/components/jobs/technician-combobox';
import { IdSelect, Select } from '@/components/ui/select';
import type { Density } from '@/lib/scheduling/job-card';
import type { BoardData } from '@/lib/scheduling/board-types';
import { JOB_STATUSES } from '@/lib/synchroteam/job-status';
import { STATUS_COLORS } from './board-events';
import type { BoardView } from './board-calendar';

export interface ToolbarState {
  view: BoardView;
  date: string;
  team: number | null;
  tech: number | null;
  status: string[];
  type: number | null;
  priority: string | null;
  q: string;
  windows: boolean;
  /** Not in the URL: a setting of the person (use-board-settings.ts). */
  density: Density;
}

export interface BoardToolbarProps {
  state: ToolbarState;
  data: BoardData | undefined;
  title: string;
  onChange: (patch: Partial<ToolbarState>) => void;
  onStep: (dir: -1 | 1) => void;
  onToday: () => void;
  lanePage: { index: number; count: number; label: string };
  onLanePage: (index: number) => void;
  /** The job search box (board-search.tsx), which searches beyond this lane page. */
  search: React.ReactNode;
  /** Opens the optimizer panel (optimize-panel.tsx). */
  onOptimize: () => void;
  optimizing: boolean;
}

const VIEW_LABELS: Record<BoardView, string> = { day: 'Day', week: 'Week', tech: 'Technician', list: 'List' };
const DENSITY_LABELS: Record<Density, string> = { comfortable: 'Comfortable', compact: 'Compact' };

export function BoardToolbar({
  state,
  data,
  title,
  onChange,
  onStep,
  onToday,
  lanePage,
  onLanePage,
  search,
  onOptimize,
  optimizing,
}: BoardToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
      <div className="flex items-center gap-1">
        <Button variant="secondary" size="sm" onClick={() => onStep(-1)} aria-label="Previous">
          <ChevronLeft className="size-4" aria-hidden="true" />
        </Button>
        <Button variant="secondary" size="sm" onClick={onToday}>
          Today
        </Button>
        <Button variant="secondary" size="sm" onClick={() => onStep(1)} aria-label="Next">
          <ChevronRight className="size-4" aria-hidden="true" />
        </Button>
        <Input
          type="date"
          aria-label="Go to date"
          className="h-8! w-36!"
          value={state.date}
          onChange={(e) => e.target.value && onChange({ date: e.target.value })}
        />
      </div>
      <h2 className="min-w-40 text-sm font-semibold" aria-live="polite">
        {title}
      </h2>
      <SegmentedControl label="View" options={VIEW_LABELS} value={state.view} onChange={(view) => onChange({ view })} />
      <SegmentedControl
        label="Card density"
        options={DENSITY_LABELS}
        value={state.density}
        onChange={(density) => onChange({ density })}
      />
      {lanePage.count > 1 && (
        <nav aria-label="Teams shown" className="flex max-w-full min-w-0 items-center gap-1 text-sm">
          <Button
            variant="secondary"
            size="sm"
            disabled={lanePage.index === 0}
            onClick={() => onLanePage(lanePage.index - 1)}
            aria-label="Previous teams"
          >
            <ChevronLeft className="size-4" aria-hidden="true" />
          </Button>
          {/* A long team name wraps on a phone rather than widening the page. */}
          <span className="min-w-0 px-1">
            Teams {lanePage.label}{' '}
            <span className="text-slate-500">
              ({lanePage.index + 1}/{lanePage.count})
            </span>
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={lanePage.index >= lanePage.count - 1}
            onClick={() => onLanePage(lanePage.index + 1)}
            aria-label="Next teams"
          >
            <ChevronRight className="size-4" aria-hidden="true" />
          </Button>
        </nav>
      )}
      <Button variant={optimizing ? 'primary' : 'secondary'} size="sm" onClick={onOptimize} aria-expanded={optimizing}>
        <Sparkles className="size-4" aria-hidden="true" /> Optimize
      </Button>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {search}
        <IdSelect
          aria-label="Team"
          className="h-8! w-36! py-1"
          value={state.team}
          options={data?.teams}
          none="All teams"
          onValue={(team) => onChange({ team, tech: null })}
        />
        <TechnicianCombobox
          label="Technician"
          className="w-44"
          inputClassName="h-8 py-1"
          listClassName="w-64"
          people={data?.technicians ?? []}
          {...boardPerson}
          value={state.tech}
          onChange={(tech) => onChange({ tech })}
          placeholder="All technicians"
        />
        <Select
          aria-label="Status"
          className="h-8! w-36! py-1"
          value={state.status[0] ?? ''}
          onChange={(e) => onChange({ status: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Active statuses</option>
          {JOB_STATUSES.filter((s) => s !== 'created').map((s) => (
            <option key={s} value={s}>
              {STATUS_COLORS[s].label}
            </option>
          ))}
        </Select>
        <IdSelect
          aria-label="Job type"
          className="h-8! w-32! py-1"
          value={state.type}
          options={data?.jobTypes}
          none="All types"
          onValue={(type) => onChange({ type })}
        />
        <Select
          aria-label="Priority"
          className="h-8! w-32! py-1"
          value={state.priority ?? ''}
          onChange={(e) => onChange({ priority: e.target.value || null })}
        >
          <option value="">Any priority</option>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </Select>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={state.windows} onChange={(e) => onChange({ windows: e.target.checked })} />
          Windows
        </label>
      </div>
    </div>
  );
}
