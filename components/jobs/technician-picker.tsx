'use client';

/**
 * Technician picker for scheduling: the technician type-ahead, whose options say how busy each technician is on the
 * chosen day (jobs and unavailabilities from that day's job/list and activity/list, one cached read per day), and the
 * chosen technician's day below it, with what overlaps the proposed time flagged.
 */
import { useQuery } from '@tanstack/react-query';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { availabilityQuery } from '@/lib/queries/job-queries';
import { parseApiDate, timeOfDay } from '@/lib/synchroteam/dates';
import type { User } from '@/lib/synchroteam/schemas/user';
import { sortedUsers, userName } from './job-people';
import { TechnicianCombobox, userPerson } from './technician-combobox';

interface Busy {
  start: string;
  end: string;
  label: string;
  kind: 'job' | 'unavailable' | 'activity';
}

const norm = (s: string) => parseApiDate(s) ?? s;
const overlaps = (a1: string, a2: string, b1: string, b2: string) => norm(a1) < norm(b2) && norm(b1) < norm(a2);

export function TechnicianPicker({
  users,
  value,
  onChange,
  day,
  start,
  end,
  excludeJobId,
  error,
}: {
  users: readonly User[];
  value: number | null;
  onChange: (id: number | null) => void;
  day: string;
  start: string | null;
  end: string | null;
  excludeJobId?: string;
  error?: string;
}) {
  const avail = useQuery({ ...availabilityQuery(day), enabled: /^\d{4}-\d{2}-\d{2}$/.test(day) });
  const busyBy = new Map<number, Busy[]>();
  const push = (id: number, b: Busy) => busyBy.set(id, [...(busyBy.get(id) ?? []), b]);
  for (const j of avail.data?.jobs ?? []) {
    if (j.id === excludeJobId || !j.scheduledStart || !j.scheduledEnd) continue;
    const b: Busy = {
      start: j.scheduledStart,
      end: j.scheduledEnd,
      label: `Job #${j.num}${j.customer?.name ? ` · ${j.customer.name}` : ''}`,
      kind: 'job',
    };
    if (j.technician) push(j.technician.id, b);
    for (const o of j.otherTechnicians ?? []) push(o.id, b);
  }
  for (const a of avail.data?.activities ?? []) {
    if (!a.user) continue;
    push(a.user.id, {
      start: a.dateStart,
      end: a.dateEnd,
      label: a.activityType.name,
      kind: a.activityType.category === 'unavail' ? 'unavailable' : 'activity',
    });
  }
  const clash = (id: number) =>
    start && end ? (busyBy.get(id) ?? []).filter((b) => overlaps(b.start, b.end, start, end)) : [];

  function busyText(u: User): { text: string; clash?: boolean } | null {
    if (!avail.data) return null;
    const busy = busyBy.get(u.id) ?? [];
    const jobs = busy.filter((b) => b.kind === 'job').length;
    if (clash(u.id).length) return { text: 'busy at that time', clash: true };
    if (busy.some((b) => b.kind === 'unavailable'))
      return { text: `${jobs} job${jobs === 1 ? '' : 's'}, partly unavailable` };
    return { text: jobs ? `${jobs} job${jobs === 1 ? '' : 's'} that day` : 'free all day' };
  }

  const techs = sortedUsers(users).filter((u) => u.profile === 'technician' || u.id === value);
  const mine = value ? [...(busyBy.get(value) ?? [])].sort((a, b) => norm(a.start).localeCompare(norm(b.start))) : [];
  return (
    <div className="space-y-2">
      <Field
        label="Technician"
        error={error}
        hint={avail.isPending ? 'Checking who is free that day…' : `Availability on ${day}`}
      >
        {(p) => (
          <TechnicianCombobox
            {...p}
            people={techs}
            {...userPerson}
            value={value}
            onChange={onChange}
            placeholder="Choose a technician"
            renderOption={(u) => {
              const busy = busyText(u);
              return (
                <>
                  <span className="font-medium">{userName(u)}</span>
                  {busy && (
                    <>
                      {' '}
                      <span className={cn(busy.clash ? 'text-red-800' : 'text-slate-600')}>— {busy.text}</span>
                    </>
                  )}
                </>
              );
            }}
          />
        )}
      </Field>
      {value !== null && avail.data && (
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" aria-live="polite">
          {mine.length === 0 ? (
            <p className="text-slate-700">Nothing else planned that day.</p>
          ) : (
            <ul className="space-y-0.5">
              {mine.map((b, i) => {
                const hit = start && end && overlaps(b.start, b.end, start, end);
                return (
                  <li key={i} className={hit ? 'font-medium text-red-800' : 'text-slate-700'}>
                    {timeOfDay(norm(b.start))}–{timeOfDay(norm(b.end))} {b.label}
                    {b.kind === 'unavailable' ? ' (unavailable)' : ''}
                    {hit ? ' — overlaps' : ''}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
