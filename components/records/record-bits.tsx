import { Badge } from '@/components/ui/badge';

/** Small pieces the lists and detail pages share. */
export function ActiveBadge({ active }: { active: boolean }) {
  return <Badge tone={active ? 'green' : 'neutral'}>{active ? 'Active' : 'Inactive'}</Badge>;
}

export function Tags({ tags, max = 3 }: { tags: readonly string[]; max?: number }) {
  if (!tags.length) return <span className="text-slate-400">—</span>;
  const shown = tags.slice(0, max);
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((t) => (
        <Badge key={t} tone="blue">
          {t}
        </Badge>
      ))}
      {tags.length > max && <span className="text-xs text-slate-500">+{tags.length - max}</span>}
    </span>
  );
}

export const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

export function contactName(r: {
  contactFirstName?: string | null;
  contactLastName?: string | null;
  contactName?: string | null;
}): string {
  return [r.contactFirstName, r.contactLastName].filter(Boolean).join(' ') || r.contactName || '';
}
