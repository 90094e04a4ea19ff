/**
 * Job reports: jobReport/details (id, num or myId of the job), the report a job gets from its template, and the
 * simplified report job/send accepts on creation ([{nmCategory, nmItem, value, iteration}]).
 *
 * Readings taken:
 * - jobReport/details answers the list of report blocks, as both examples show (the field table above them, with
 *   id/name/isPublished/blocks, describes a template). Blocks are emitted with `name` (one example says blockName).
 * - A job's report instantiates every template block once (iteration 0), repeated up to the block's `min`
 *   iterations; item values start as value "", comment "", issue "-".
 * - The simplified report names a block by name (nmCategory) and an item by name (nmItem), case-insensitively. An
 *   iteration beyond the existing ones adds an iteration of that block, within its max (0 = no limit); `comment`
 *   and `issue` are accepted beside `value`. Values are checked against the item type (numeric, date, time, list,
 *   compliance).
 * - Writing values sets the job's report modification time (reportChangedSince on job/list).
 */
import { parseApiDate, datePart } from '../../lib/synchroteam/dates';
import { REPORT_ISSUES } from '../../lib/synchroteam/schemas/report';
import { badRequest } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { field, publicDoc, type Body } from './common';
import { jobFromQuery } from './job-shared';
import { templateView } from './reporttemplate';

function blockInstance(block: Doc, iteration: number, previous?: Doc): Doc {
  const items = ((block.items as Doc[]) ?? []).map((it) => {
    const old = ((previous?.items as Doc[]) ?? []).find((p) => p.id === it.id);
    return { ...it, value: old?.value ?? '', comment: old?.comment ?? '', issue: old?.issue ?? '-' };
  });
  return {
    id: block.id,
    name: block.name,
    isShared: block.isShared ?? false,
    iteration,
    isMandatory: block.isMandatory ?? false,
    position: block.position ?? 0,
    _min: block.min ?? 1,
    _max: block.max ?? 1,
    items,
  };
}

/** A fresh report for a template; values of the previous report are kept for items still present. */
export function buildReport(store: Store, templateId: number | null | undefined, previous: Doc[] = []): Doc[] {
  if (!templateId) return [];
  const row = store.collection('reporttemplate').get(templateId);
  if (!row) return [];
  const out: Doc[] = [];
  for (const block of templateView(store, row.doc).blocks as Doc[]) {
    const prevIterations = previous.filter((p) => p.id === block.id);
    const count = Math.max(1, Number(block.min ?? 1), prevIterations.length);
    for (let i = 0; i < count; i++)
      out.push(
        blockInstance(
          block,
          i,
          prevIterations.find((p) => p.iteration === i),
        ),
      );
  }
  return out;
}

/** The report as the API shows it (bookkeeping fields dropped). */
export function reportView(report: unknown): Doc[] {
  return ((report as Doc[]) ?? []).map((b) => publicDoc(b));
}

function checkValue(item: Doc, value: string, where: string): string {
  if (value === '') return value;
  switch (item.type) {
    case 'numeric':
      if (!/^-?\d+([.,]\d+)?$/.test(value))
        throw badRequest(`Field '${where}.value' must be a number for item '${String(item.name)}'`);
      return value.replace(',', '.');
    case 'date':
      if (!parseApiDate(value))
        throw badRequest(`Field '${where}.value' must be a date (YYYY-MM-DD) for item '${String(item.name)}'`);
      return datePart(parseApiDate(value)!);
    case 'time':
      if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(value))
        throw badRequest(`Field '${where}.value' must be a time (hh:mm) for item '${String(item.name)}'`);
      return value;
    case 'list': {
      const options = (item.listValues as string[] | null) ?? [];
      if (options.length && !options.includes(value)) {
        throw badRequest(`Field '${where}.value' must be one of ${options.join(', ')} for item '${String(item.name)}'`);
      }
      return value;
    }
    default:
      return value;
  }
}

/** Applies simplified report items to a report (returns a new report). 400 naming the entry on bad input. */
export function applySimplifiedReport(report: Doc[], items: unknown, fieldName = 'report'): Doc[] {
  if (!Array.isArray(items))
    throw badRequest(`Field '${fieldName}' must be a list of {nmCategory, nmItem, value, iteration}`);
  const out: Doc[] = report.map((b) => ({ ...b, items: (b.items as Doc[]).map((i) => ({ ...i })) }));
  items.forEach((raw, n) => {
    const where = `${fieldName}[${n}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`Field '${where}' must be an object`);
    const entry = raw as Body;
    const category = field(entry, 'nmCategory');
    const itemName = field(entry, 'nmItem');
    if (typeof category !== 'string' || !category) throw badRequest(`Field '${where}.nmCategory' is required`);
    if (typeof itemName !== 'string' || !itemName) throw badRequest(`Field '${where}.nmItem' is required`);
    const iterRaw = field(entry, 'iteration') ?? 0;
    const iteration = Number(iterRaw);
    if (!Number.isInteger(iteration) || iteration < 0)
      throw badRequest(`Field '${where}.iteration' must be an integer, 0 or more`);
    const sameBlock = out.filter((b) => String(b.name).toLowerCase() === category.toLowerCase());
    if (!sameBlock.length) throw badRequest(`Field '${where}.nmCategory': the report has no block '${category}'`);
    let block: Doc | undefined = sameBlock.find((b) => b.iteration === iteration);
    if (!block) {
      const max = Number(sameBlock[0]._max ?? 1);
      if (max > 0 && iteration >= max)
        throw badRequest(`Field '${where}.iteration': block '${category}' allows ${max} iteration(s)`);
      const highest = Math.max(...sameBlock.map((b) => b.iteration as number));
      const lastIndex = out.lastIndexOf(sameBlock[sameBlock.length - 1]);
      const added: Doc[] = [];
      for (let i = highest + 1; i <= iteration; i++) {
        added.push({
          ...sameBlock[0],
          iteration: i,
          items: (sameBlock[0].items as Doc[]).map((it) => ({ ...it, value: '', comment: '', issue: '-' })),
        });
      }
      out.splice(lastIndex + 1, 0, ...added);
      block = added[added.length - 1];
    }
    const item = (block!.items as Doc[]).find((i) => String(i.name).toLowerCase() === itemName.toLowerCase());
    if (!item) throw badRequest(`Field '${where}.nmItem': block '${category}' has no item '${itemName}'`);
    const value = field(entry, 'value');
    if (value !== undefined) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw badRequest(`Field '${where}.value' must be a string`);
      }
      let text = value === null ? '' : String(value);
      if (item.type === 'compliance' && typeof value === 'boolean') text = value ? '1' : '0';
      item.value = checkValue(item, text, where);
    }
    const comment = field(entry, 'comment');
    if (comment !== undefined) item.comment = comment === null ? '' : String(comment);
    const issue = field(entry, 'issue');
    if (issue !== undefined && issue !== null) {
      const hit = REPORT_ISSUES.find((x) => x.toLowerCase() === String(issue).toLowerCase());
      if (!hit) throw badRequest(`Field '${where}.issue' must be one of ${REPORT_ISSUES.join(', ')}`);
      item.issue = hit;
    }
  });
  return out;
}

/**
 * Writes report values on an existing job outside the API (the live clock's technicians fill reports).
 * Items use the simplified report shape.
 */
export function setJobReportValues(store: Store, jobId: string, items: unknown[], nowMs: number): Doc {
  const jobs = store.collection('job');
  const row = jobs.get(jobId);
  if (!row) throw new Error(`job ${jobId} does not exist`);
  const report = applySimplifiedReport((row.doc.report as Doc[]) ?? [], items);
  return jobs.update(row.id, { ...row.doc, report, _reportModifiedMs: nowMs }).doc;
}

export function registerJobReports(router: Router, store: Store): void {
  router.get('jobReport/details', (ctx) => reportView(jobFromQuery(ctx.query, store).doc.report));
}
