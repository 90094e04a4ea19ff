/**
 * Report blocks: block/details (id) and block/list (shared blocks only, without items, with numItems).
 *
 * Shared blocks live in the `block` collection (seeded: the API cannot write them, see insertSharedBlock).
 * Readings taken:
 * - block/details also answers a block that belongs to a single report template (the reference says "Retrieve a
 *   block" by id, without restricting it to shared blocks); such a block has isShared false and no isPublished.
 * - block/list has no documented filter or sort; it is ordered by name, then id.
 */
import { readPaging } from '../http/params';
import { badRequest, notFound } from '../http/errors';
import type { Router } from '../http/router';
import type { Doc } from '../store/collection';
import type { Store } from '../store/store';
import { listResponse, publicDoc } from './common';
import { normalizeItems, type ItemDef } from './reporttemplate';

/** Seeds a shared block. */
export function insertSharedBlock(store: Store, def: { name: string; isPublished?: boolean; items?: ItemDef[] }): Doc {
  return store.collection('block').insert({
    name: def.name,
    isShared: true,
    isPublished: def.isPublished ?? true,
    items: normalizeItems(store, def.items),
  }).doc;
}

const byPosition = (items: unknown) =>
  [...((items as Doc[]) ?? [])].sort((a, b) => (a.position as number) - (b.position as number));

export function registerBlocks(router: Router, store: Store): void {
  const blocks = store.collection('block');

  router.get('block/details', (ctx) => {
    const id = ctx.query.str('id');
    if (id === undefined) throw badRequest(`Identify the block with: id`);
    if (!/^\d+$/.test(id)) throw badRequest(`Parameter 'id' must be an integer (got '${id}')`);
    const row = blocks.get(Number(id));
    if (row) return { ...publicDoc(row.doc), items: byPosition(row.doc.items) };
    // A template's own block: templates are few, so looking through them is cheap.
    for (const t of store.collection('reporttemplate').all('1=1')) {
      const b = ((t.doc.blocks as Doc[]) ?? []).find((x) => x.id === Number(id) && !x.isShared);
      if (b) return { id: b.id, name: b.name, isShared: false, items: byPosition(b.items) };
    }
    throw notFound(`Block not found (id=${id})`);
  });

  router.get('block/list', (ctx) => {
    const paging = readPaging(ctx.query);
    const { rows, total } = blocks.list({ where: ['is_shared = 1'], orderBy: 'name ASC', ...paging });
    return listResponse(
      paging,
      total,
      rows.map((r) => {
        const { items, ...rest } = publicDoc(r.doc);
        return { ...rest, numItems: Array.isArray(items) ? items.length : 0 };
      }),
    );
  });
}
