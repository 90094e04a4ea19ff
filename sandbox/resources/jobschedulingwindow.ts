/**
 * Job scheduling windows: jobschedulingwindow/list (sort name). Windows are set in the back office, so the API has
 * no write; the sandbox seeds them with insertSchedulingWindow.
 * Reading taken: startTime/endTime are "hh:mm" (24h) and a window ends after it starts.
 */
import { readPaging, readSort } from '../http/params';
import type { Router } from '../http/router';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { listResponse, publicDoc } from './common';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function insertSchedulingWindow(store: Store, def: { name: string; startTime: string; endTime: string }): Doc {
  if (!HHMM.test(def.startTime) || !HHMM.test(def.endTime) || def.endTime <= def.startTime) {
    throw new Error(`Scheduling window ${def.name}: times must be hh:mm with the end after the start`);
  }
  return store
    .collection('jobschedulingwindow')
    .insert({ name: def.name, startTime: def.startTime, endTime: def.endTime }).doc;
}

export function registerSchedulingWindows(router: Router, store: Store): void {
  const windows = store.collection('jobschedulingwindow');
  router.get('jobschedulingwindow/list', (ctx) => {
    const paging = readPaging(ctx.query);
    const sort = readSort(ctx.query, { name: 'name' }, 'name');
    const { rows, total } = windows.list({ orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => publicDoc(r.doc)),
    );
  });
}
