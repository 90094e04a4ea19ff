/**
 * Edit conflicts (lost updates): a form remembers the record as it was when opened (dateModified included); before
 * saving, the record is read again, and the fields this save would set that someone else changed meanwhile are
 * listed, with their value and ours, for the person to choose (overwrite or reload). Fields are compared even when
 * dateModified has not moved: it counts whole seconds, and two saves can fall in the same one.
 *
 * Only fields this save sends can conflict: the forms send the difference from the opened record (record-form.ts), so
 * another person's change to a field left alone here is kept anyway. A field they changed to exactly our value is no
 * conflict either. Custom fields are compared one by one (by id).
 */

export interface EditConflict {
  /** Plain-language field name ("Contact email", "Custom field Segment"). */
  label: string;
  /** The value saved by someone else since the form was opened, as text ("(empty)" for none). */
  theirs: string;
  /** The value this save would write. */
  mine: string;
}

type Rec = Record<string, unknown>;
type Cf = { id: number; label?: string; value?: string | null };

/** Text of a value as a person reads it; null, undefined and "" are all "(empty)". */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (Array.isArray(v)) return v.length ? v.map(valueText).join(', ') : '(empty)';
  if (typeof v === 'object') {
    const p = v as { latitude?: unknown; longitude?: unknown; id?: unknown; name?: unknown; login?: unknown };
    if ('latitude' in p && 'longitude' in p) return `${p.latitude}, ${p.longitude}`;
    // A reference to another record ({id, name} from the API, {id} in a save): its name when known.
    if ('id' in p) return String(p.name ?? p.login ?? `#${p.id}`);
    return JSON.stringify(v);
  }
  return String(v);
}

/** "contactEmail" → "Contact email", "addressZIP" → "Address ZIP". */
export function fieldLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  const s = words.map((w, i) => (i === 0 || /^[A-Z]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const isRef = (v: unknown): v is { id: unknown } => !!v && typeof v === 'object' && !Array.isArray(v) && 'id' in v;
const isGroup = (v: unknown): v is Rec =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !isRef(v) && !('latitude' in v);

/** Equal as a person reads them; references by id (a save sends {id}, the API answers {id, name}). */
function same(a: unknown, b: unknown): boolean {
  if (isRef(a) || isRef(b))
    return (isRef(a) ? String(a.id) : valueText(a)) === (isRef(b) ? String(b.id) : valueText(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return valueText(a) === valueText(b);
}

/**
 * The fields `payload` sets that were changed by someone else between `opened` and `latest`. A group of fields sent
 * as one object (a job's `preferences`) is compared field by field ("Preferences: team").
 */
export function editConflicts(payload: Rec, opened: Rec, latest: Rec, prefix = ''): EditConflict[] {
  const out: EditConflict[] = [];
  for (const [key, mine] of Object.entries(payload)) {
    if (key === 'id') continue;
    if (isGroup(mine)) {
      const sub = (r: Rec) => (isGroup(r[key]) ? (r[key] as Rec) : {});
      out.push(...editConflicts(mine, sub(opened), sub(latest), `${prefix}${fieldLabel(key)}: `));
      continue;
    }
    if (key === 'customFieldValues' && Array.isArray(mine)) {
      const cf = (r: Rec, id: number) =>
        ((r.customFieldValues as Cf[] | undefined) ?? []).find((x) => x.id === id)?.value ?? '';
      for (const m of mine as Cf[]) {
        const before = cf(opened, m.id);
        const now = cf(latest, m.id);
        if (!same(before, now) && !same(now, m.value))
          out.push({
            label: `${prefix}Custom field ${m.label ?? m.id}`,
            theirs: valueText(now),
            mine: valueText(m.value),
          });
      }
      continue;
    }
    const before = opened[key];
    const now = latest[key];
    if (!same(before, now) && !same(now, mine))
      out.push({
        label: prefix ? `${prefix}${fieldLabel(key).toLowerCase()}` : fieldLabel(key),
        theirs: valueText(now),
        mine: valueText(mine),
      });
  }
  return out;
}
