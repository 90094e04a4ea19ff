/**
 * Job report templates: jobReportTemplate/details (id) and jobReportTemplate/list (name wildcard, isPublished,
 * sort name; items without blocks but with numBlocks).
 *
 * Templates are set up in the back office, so the API has no write: the sandbox seeds them (insertReportTemplate).
 * Readings taken:
 * - Booleans are JSON booleans (isShared/isPublished are typed "int" in the block table but every example shows
 *   booleans).
 * - A shared block placed in a template shows the shared block's current name and items (it is one block, used in
 *   several places); the template keeps its own position/min/max/isMandatory for it.
 * - max = 0 means "no limit" on the iterations of a repeatable block (the "Window" example block: min 0, max 0).
 */
import { readPaging, readSort } from '../http/params';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { likePattern, listResponse, publicDoc } from './common';

export interface ItemDef {
  id?: number;
  type: string;
  name: string;
  isMandatory?: boolean;
  isPrivate?: boolean;
  conditionByItem?: number | null;
  conditionValue?: string | null;
  position?: number;
  listValues?: string[] | null;
}

export interface TemplateBlockDef {
  id?: number;
  name: string;
  isShared?: boolean;
  isMandatory?: boolean;
  position?: number;
  min?: number;
  max?: number;
  items?: ItemDef[];
}

/** Complete item documents with ids from the sandbox's item sequence. */
export function normalizeItems(store: Store, items: ItemDef[] = []): Doc[] {
  return items.map((it, i) => ({
    id: it.id ?? store.next('reportitem.id', 10000),
    type: it.type,
    name: it.name,
    isMandatory: it.isMandatory ?? false,
    isPrivate: it.isPrivate ?? false,
    conditionByItem: it.conditionByItem ?? null,
    conditionValue: it.conditionValue ?? null,
    position: it.position ?? i,
    listValues: it.type === 'list' ? (it.listValues ?? []) : (it.listValues ?? null),
  }));
}

/**
 * Seeds a report template (the API cannot create one). Shared blocks are given by the id of a block in the `block`
 * collection; template-own blocks get ids from the block sequence.
 */
export function insertReportTemplate(
  store: Store,
  def: { name: string; isPublished?: boolean; isDefault?: boolean; blocks?: TemplateBlockDef[] },
): Doc {
  const templates = store.collection('reporttemplate');
  if (def.isDefault) {
    for (const r of templates.all('1=1')) if (r.doc.isDefault) templates.update(r.id, { ...r.doc, isDefault: false });
  }
  const blocks = (def.blocks ?? []).map((b, i) => ({
    id: b.id ?? store.next('reportblock.id', 5000),
    name: b.name,
    isShared: b.isShared ?? false,
    isMandatory: b.isMandatory ?? false,
    position: b.position ?? i,
    min: b.min ?? 1,
    max: b.max ?? 1,
    items: normalizeItems(store, b.items),
  }));
  return templates.insert({
    name: def.name,
    isPublished: def.isPublished ?? true,
    isDefault: def.isDefault ?? false,
    blocks,
  }).doc;
}

/** A template as the API shows it, shared blocks refreshed from the block collection. */
export function templateView(store: Store, doc: Doc): Doc {
  const blocksColl = store.collection('block');
  const blocks = ((doc.blocks as Doc[]) ?? [])
    .map((b) => {
      if (!b.isShared) return b;
      const shared = blocksColl.get(b.id as number);
      return shared ? { ...b, name: shared.doc.name, items: shared.doc.items } : b;
    })
    .sort((a, b) => (a.position as number) - (b.position as number));
  return { ...publicDoc(doc), blocks };
}

export function registerReportTemplates(router: Router, store: Store): void {
  const templates = store.collection('reporttemplate');

  router.get('jobReportTemplate/details', (ctx) => {
    const id = ctx.query.str('id');
    if (id === undefined) throw badRequest(`Identify the report template with: id`);
    if (!/^\d+$/.test(id)) throw badRequest(`Parameter 'id' must be an integer (got '${id}')`);
    const row = templates.get(Number(id));
    if (!row) throw notFound(`Report template not found (id=${id})`);
    return templateView(store, row.doc);
  });

  router.get('jobReportTemplate/list', (ctx) => {
    const q = ctx.query;
    const paging = readPaging(q);
    const sort = readSort(q, { name: 'name' }, 'name');
    const where: string[] = [];
    const params: unknown[] = [];
    const name = q.str('name');
    if (name) {
      where.push(`name LIKE ? ESCAPE '\\'`);
      params.push(likePattern(name));
    }
    const published = q.bool('isPublished');
    if (published !== undefined) {
      where.push('is_published = ?');
      params.push(published ? 1 : 0);
    }
    const { rows, total } = templates.list({ where, params, orderBy: `${sort.column} ${sort.direction}`, ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => {
        const { blocks, ...rest } = publicDoc(r.doc);
        return { ...rest, numBlocks: Array.isArray(blocks) ? blocks.length : 0 };
      }),
    );
  });
}
