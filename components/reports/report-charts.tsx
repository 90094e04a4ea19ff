'use client';

/**
 * The pictures: jobs per day stacked by status, technician leaderboard, revenue by week, ageing bars. Each chart has
 * a caption and a table alternative (the tables below and the CSV hold the same numbers) for screen readers.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@/lib/synchroteam/money';
import type { BreakdownRow, JobsPerDay, WeekRevenue } from '@/lib/reports/report';
import type { AgeingRow } from '@/lib/reports/money-metrics';

const SERIES = [
  { key: 'completed', label: 'Completed', color: '#0f766e' },
  { key: 'validated', label: 'Validated', color: '#1d4ed8' },
  { key: 'inProgress', label: 'In progress', color: '#d97706' },
  { key: 'scheduled', label: 'Scheduled', color: '#94a3b8' },
  { key: 'cancelled', label: 'Cancelled', color: '#b91c1c' },
] as const;

const shortDay = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const money0 = (v: number) => formatMoney(v).replace(/\.\d\d$/, '');

function ChartFrame({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid">
      <figcaption className="mb-2 text-sm font-medium text-slate-800">{title}</figcaption>
      <div role="img" aria-label={`${title}: ${summary}`} className="h-64">
        {children}
      </div>
    </figure>
  );
}

export function JobsPerDayChart({ data }: { data: JobsPerDay[] }) {
  const total = data.reduce((s, d) => s + d.completed + d.validated + d.inProgress + d.scheduled + d.cancelled, 0);
  return (
    <ChartFrame title="Jobs per day by status" summary={`${total} jobs over ${data.length} days`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={12} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip labelFormatter={(d) => shortDay(String(d))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

const LEADERBOARD_SIZE = 10;

export function LeaderboardChart({ rows }: { rows: BreakdownRow[] }) {
  const top = rows
    .filter((r) => r.key !== null && r.completed > 0)
    .sort((a, b) => b.completed - a.completed)
    .slice(0, LEADERBOARD_SIZE);
  return (
    <ChartFrame
      title="Technician leaderboard (jobs completed)"
      summary={top.map((r) => `${r.label} ${r.completed}`).join(', ') || 'no completed jobs'}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={top} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="label" width={120} fontSize={11} />
          <Tooltip />
          <Bar dataKey="completed" name="Completed" fill="#0f766e" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function RevenueChart({ data }: { data: WeekRevenue[] }) {
  return (
    <ChartFrame
      title="Invoiced revenue by week (before tax)"
      summary={data.map((d) => `week of ${shortDay(d.week)} ${formatMoney(d.revenue)}`).join(', ')}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tickFormatter={(d) => `Wk ${shortDay(d)}`} fontSize={11} />
          <YAxis tickFormatter={money0} fontSize={11} width={70} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} labelFormatter={(d) => `Week of ${shortDay(String(d))}`} />
          <Bar dataKey="revenue" name="Revenue" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function AgeingChart({ rows }: { rows: Omit<AgeingRow, 'ids'>[] }) {
  return (
    <ChartFrame
      title="Overdue invoices by age (tax included, now)"
      summary={rows.map((r) => `${r.label} ${formatMoney(r.amount)}`).join(', ')}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis tickFormatter={money0} fontSize={11} width={70} />
          <Tooltip formatter={(v) => formatMoney(Number(v))} />
          <Bar dataKey="amount" name="Overdue" fill="#b91c1c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
