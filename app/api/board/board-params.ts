/** Query schemas shared by the board routes: the window is whole days, at most 31 of them. */
import 'server-only';
import { z } from 'zod';
import { daysBetween } from '@/lib/scheduling/wall-clock';
import { ZDay } from '@/lib/server/http/query';

const isDay = (d: string) => ZDay.safeParse(d).success;

/** `from` and `to`: days [from, to). (The length is only checked between two dates.) */
export const ZWindow = z.object({ from: ZDay, to: ZDay }).refine(
  (w) => {
    const days = isDay(w.from) && isDay(w.to) ? daysBetween(w.from, w.to) : 1;
    return days >= 1 && days <= 31;
  },
  { message: "must be 1 to 31 days after 'from'", path: ['to'] },
);

/** A whole number from `min` (query text), else undefined: the refusal names the parameter. */
const whole = (v: string | undefined, min: number) =>
  v === undefined ? null : /^\d{1,9}$/.test(v) && Number(v) >= min ? Number(v) : undefined;

/**
 * The window, and the lane page named by `page` (1-based) with the optional `team` and `tech` filters; `lanes` is
 * undefined without `page` (the whole window), and the filters are not read then.
 */
export const ZBoardQuery = ZWindow.and(
  z.object({ page: z.string().optional(), team: z.string().optional(), tech: z.string().optional() }),
)
  .superRefine((q, ctx) => {
    if (q.page === undefined) return;
    if (!whole(q.page, 1)) ctx.addIssue({ code: 'custom', path: ['page'], message: 'must be a whole number from 1' });
    else if (whole(q.team, 0) === undefined)
      ctx.addIssue({ code: 'custom', path: ['team'], message: 'must be a team id' });
    else if (whole(q.tech, 0) === undefined)
      ctx.addIssue({ code: 'custom', path: ['tech'], message: 'must be a technician id' });
  })
  .transform(({ from, to, page, team, tech }) => ({
    from,
    to,
    lanes: page === undefined ? undefined : { page: Number(page), team: whole(team, 0)!, tech: whole(tech, 0)! },
  }));
