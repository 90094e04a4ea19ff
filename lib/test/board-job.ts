/** Unit-test data: a scheduled board job (Monday 2026-03-09, 10:00–11:00, technician 1), each with its own id and number. */
import type { BoardJob } from '../scheduling/board-types';

let n = 0;

export function boardJob(p: Partial<BoardJob> = {}): BoardJob {
  n += 1;
  return {
    id: `j${n}`,
    num: n,
    status: 'scheduled',
    priority: 'medium',
    customer: { id: 1, name: 'Acme' },
    site: null,
    type: null,
    technicianId: 1,
    otherTechnicianIds: [],
    start: '2026-03-09 10:00',
    end: '2026-03-09 11:00',
    skills: [],
    address: null,
    dateCreated: '2026-03-01 08:00',
    dateModified: '2026-03-01 08:00',
    ...p,
  };
}
