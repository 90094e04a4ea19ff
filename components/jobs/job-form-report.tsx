'use client';

/** Initial report values on creation: the chosen template's items (first iteration of each block), by type. */
import { useQuery } from '@tanstack/react-query';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { reportKey } from '@/lib/jobs/job-form';
import { reportTemplateQuery } from '@/lib/queries/job-lookups';

const FILLABLE = new Set(['compliance', 'list', 'text', 'date', 'time', 'numeric']);

export function JobFormReport({
  templateId,
  values,
  onChange,
}: {
  templateId: number;
  values: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
}) {
  const tpl = useQuery(reportTemplateQuery(templateId));
  if (tpl.isPending) return <p className="text-sm text-slate-600">Loading the report template…</p>;
  if (tpl.isError) return <p className="text-sm text-red-700">The report template could not be loaded.</p>;
  const blocks = [...tpl.data.blocks].sort((a, b) => a.position - b.position);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Optional: values the technician will find already filled in.</p>
      {blocks.map((b) => (
        <fieldset key={b.id} className="space-y-2">
          <legend className="text-sm font-semibold text-slate-800">{b.name}</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {[...b.items]
              .filter((i) => FILLABLE.has(i.type))
              .sort((x, y) => x.position - y.position)
              .map((i) => {
                const key = reportKey(b.name, i.name);
                const v = values[key] ?? '';
                const set = (nv: string) => onChange({ ...values, [key]: nv });
                return (
                  <Field key={i.id} label={i.name}>
                    {(p) =>
                      i.type === 'list' || i.type === 'compliance' ? (
                        <Select {...p} value={v} onChange={(e) => set(e.target.value)}>
                          <option value="">—</option>
                          {(i.type === 'compliance' ? ['Yes', 'No', 'N/A'] : (i.listValues ?? [])).map((o) => (
                            <option key={o}>{o}</option>
                          ))}
                        </Select>
                      ) : (
                        <Input
                          {...p}
                          type={
                            i.type === 'date'
                              ? 'date'
                              : i.type === 'time'
                                ? 'time'
                                : i.type === 'numeric'
                                  ? 'number'
                                  : 'text'
                          }
                          step={i.type === 'numeric' ? 'any' : undefined}
                          value={v}
                          onChange={(e) => set(e.target.value)}
                        />
                      )
                    }
                  </Field>
                );
              })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
