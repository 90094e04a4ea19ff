/** Progress of a report's data load, as the routes report it while the browser polls. */
export interface LoadProgressShape {
  listsDone: number;
  lists: number;
  records: number;
  calls: number;
}

/** "Reading 9 of 18 lists (1,240 records, 23 calls)". */
export function progressText(p: LoadProgressShape): string {
  const n = new Intl.NumberFormat('en-US');
  if (!p.lists) return 'Starting…';
  return `Reading ${p.listsDone} of ${p.lists} lists (${n.format(p.records)} records, ${n.format(p.calls)} calls)`;
}

/** 0–1 for a progress bar. */
export const progressRatio = (p: LoadProgressShape) => (p.lists ? p.listsDone / p.lists : 0);
