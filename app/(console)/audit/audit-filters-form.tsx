import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { OUTCOMES } from './audit-query';

/**
 * A plain GET form: the filters go into the URL (shareable, back button works) and it works before any script loads.
 * Paging restarts from the newest entry when a filter changes (no `before` field).
 */
export function AuditFiltersForm({ user, endpoint, outcome }: { user: string; endpoint: string; outcome: string }) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter the audit log"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <div className="w-full sm:w-56">
        <label htmlFor="audit-user" className="block text-sm font-medium text-slate-800">
          User
        </label>
        <Input id="audit-user" name="user" defaultValue={user} placeholder="email contains…" className="mt-1" />
      </div>
      <div className="w-full sm:w-56">
        <label htmlFor="audit-endpoint" className="block text-sm font-medium text-slate-800">
          Endpoint
        </label>
        <Input
          id="audit-endpoint"
          name="endpoint"
          defaultValue={endpoint}
          placeholder="e.g. job/update"
          className="mt-1"
        />
      </div>
      <div className="w-full sm:w-40">
        <label htmlFor="audit-outcome" className="block text-sm font-medium text-slate-800">
          Outcome
        </label>
        <Select id="audit-outcome" name="outcome" defaultValue={outcome} className="mt-1">
          <option value="">Any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o === 'ok' ? 'OK' : o === 'unknown' ? 'Unknown: may have been saved' : o[0].toUpperCase() + o.slice(1)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        {(user || endpoint || outcome) && (
          <Link href="/audit" className={buttonClasses('ghost')}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
