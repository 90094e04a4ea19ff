/**
 * The dispatch board's data contract (isomorphic): what /api/board answers and what the board and the conflict checks
 * work on. Compact on purpose: a week of a large company is ~6,000 jobs, so only what the board draws, filters and
 * checks travels; the quick view fetches the full job when opened. Times are API wall clock "YYYY-MM-DD HH:mm".
 */
import type { JobStatus } from '../synchroteam/job-status';

export type Priority = 'low' | 'medium' | 'high';

export interface BoardPreferences {
  date: string | null;
  dateTime: string | null;
  isPool: boolean;
  windowId: number | null;
  teamId: number | null;
  userId: number | null;
}

export interface BoardJob {
  id: string;
  num: number;
  status: JobStatus;
  priority: Priority;
  customer: { id: number; name: string | null };
  site: { id: number; name: string | null } | null;
  type: { id: number; name: string | null } | null;
  technicianId: number | null;
  otherTechnicianIds: number[];
  start: string | null;
  end: string | null;
  skills: string[];
  address: string | null;
  dateCreated: string;
  dateModified: string;
  /**
   * Known for pool jobs once the server has read their details, or at once when the account's job/list rows carry
   * preferences; undefined = not known yet.
   */
  preferences?: BoardPreferences | null;
  /**
   * True while `skills` is not known: the account's job/list rows do not carry skills (production rows lack them) and
   * the job's details have not been read yet. `skills` is [] meanwhile.
   */
  skillsUnknown?: true;
  /** Deleted upstream (only in change sets). */
  deleted?: boolean;
}

export interface BoardTechnician {
  id: number;
  name: string;
  login: string;
  /** Team names, as user.teams carries them. */
  teams: string[];
  skills: string[];
}

export interface BoardTeam {
  id: number;
  name: string;
}

export interface BoardActivity {
  id: number;
  userId: number | null;
  teamId: number | null;
  category: 'unavail' | 'atwork' | 'travel' | 'clock';
  name: string;
  start: string;
  end: string;
}

export interface BoardJobType {
  id: number;
  name: string;
  minutes: number;
  skills: string[];
}

export interface BoardWindow {
  id: number;
  name: string;
  startTime: string;
  endTime: string;
}

export interface BoardData {
  timeZone: string;
  /** Inclusive first day and exclusive last day, "YYYY-MM-DD". */
  from: string;
  to: string;
  teams: BoardTeam[];
  technicians: BoardTechnician[];
  jobTypes: BoardJobType[];
  windows: BoardWindow[];
  /** Jobs scheduled in the window (every status). */
  jobs: BoardJob[];
  /** Jobs waiting to be scheduled (status created), any date. */
  pool: BoardJob[];
  activities: BoardActivity[];
  /** Change-log position: pass it back as `since` to /api/board/changes. */
  version: number;
  /** Server time the data was assembled (epoch ms). */
  syncedAt: number;
  /**
   * Only the jobs of the lane page asked for (the window was not read yet): ask again without lanes for the whole
   * window, whose read has started.
   */
  partial?: boolean;
}

/**
 * The address of a board: /api/board for days [from, to), optionally naming the lane page the dispatcher opens (read
 * first when the window is cold). The dispatch page preloads this exact address, and the board fetches it.
 */
export function boardDataPath(
  from: string,
  to: string,
  lanes?: { page: number; team: number | null; tech: number | null },
): string {
  const q = new URLSearchParams({ from, to });
  if (lanes) {
    q.set('page', String(lanes.page));
    if (lanes.team !== null) q.set('team', String(lanes.team));
    if (lanes.tech !== null) q.set('tech', String(lanes.tech));
  }
  return `/api/board?${q}`;
}

export interface BoardChanges {
  version: number;
  /** Jobs changed since the given version (their current state; `deleted` when gone). */
  jobs: BoardJob[];
  /** Set when the activities of the window were re-read (replace them). */
  activities?: BoardActivity[];
  /** The change log no longer reaches back to `since`: reload the whole board. */
  reload?: boolean;
  syncedAt: number;
}
