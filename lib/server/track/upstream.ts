/**
 * The few API calls the customer tracking pages make, through the shared typed client (and so the gateway's budget).
 *
 * Priorities: a lookup and a customer's message are a person waiting on a form → interactive; showing and refreshing
 * the tracking page → background, so a dispatcher's click always goes first when the shared budget is tight.
 * What comes back here is the API's full records; lib/server/track/view.ts decides the little that leaves the server.
 */
import 'server-only';
import { LRUCache } from 'lru-cache';
import { getServerClient } from '../upstream';
import { isApiError } from '../../synchroteam/errors';
import { ZTask } from '../../synchroteam/schemas/task';
import { ZTimelineItem } from '../../synchroteam/schemas/timeline';
import type { Job, JobListItem } from '../../synchroteam/schemas/job';
import type { User } from '../../synchroteam/schemas/user';
import { endOfDay, startOfDay } from '../../synchroteam/dates';

type Priority = 'interactive' | 'background';

/** null for a 404 (unknown or deleted record); other failures throw. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (isApiError(e) && e.status === 404) return null;
    throw e;
  }
}

// Several household members polling the same job, and the page + its first refresh, share one answer for a while.
const jobCache = new LRUCache<string, Job>({ max: 2000, ttl: 20_000 });
const userCache = new LRUCache<number, User>({ max: 500, ttl: 30_000 });
const dayCache = new LRUCache<string, JobListItem[]>({ max: 500, ttl: 30_000 });

export async function findJobByNum(num: number, priority: Priority = 'interactive'): Promise<Job | null> {
  const job = await orNull(getServerClient().jobs.details({ num }, { priority }));
  // The tracking page opens right after a successful lookup: it reuses this answer.
  if (job) jobCache.set(job.id, job);
  return job;
}

export async function getJob(
  id: string,
  priority: Priority = 'background',
  { fresh = false } = {},
): Promise<Job | null> {
  const hit = fresh ? undefined : jobCache.get(id);
  if (hit) return hit;
  const job = await orNull(getServerClient().jobs.details({ id }, { priority }));
  if (job) jobCache.set(id, job);
  else jobCache.delete(id);
  return job;
}

export async function getUser(id: number, priority: Priority = 'background'): Promise<User | null> {
  const hit = userCache.get(id);
  if (hit) return hit;
  const user = await orNull(getServerClient().users.details({ id }, { priority }));
  if (user) userCache.set(id, user);
  return user;
}

/** The technician's jobs on `date` ("YYYY-MM-DD", account-local), in planned order. One page: a day has < 100. */
export async function technicianDay(
  userId: number,
  date: string,
  priority: Priority = 'background',
): Promise<JobListItem[]> {
  const key = `${userId}|${date}`;
  const hit = dayCache.get(key);
  if (hit) return hit;
  const page = await getServerClient().jobs.list(
    { user_id: userId, dateFrom: startOfDay(date), dateTo: endOfDay(date), sort: 'scheduledstart', pageSize: 100 },
    { priority },
  );
  dayCache.set(key, page.data);
  return page.data;
}

/** A pinned note on the job's timeline (the customer link is completed by the API from the job). */
export async function addTimelineNote(job: Job, title: string, content: string): Promise<void> {
  const body = {
    type: 'note',
    title,
    content,
    isPinned: true,
    isPublic: false,
    job: { id: job.id },
    customer: { id: job.customer.id },
  };
  ZTimelineItem.parse(
    await getServerClient().raw({ method: 'POST', path: 'timeline/send', body, priority: 'interactive' }),
  );
}

/** A follow-up task for the dispatchers, due `dueLocal` ("YYYY-MM-DD HH:mm", account-local). */
export async function addTask(job: Job, content: string, dueLocal: string): Promise<void> {
  const body = {
    content,
    dateDue: dueLocal,
    category: 'followup',
    job: { id: job.id },
    customer: { id: job.customer.id },
  };
  ZTask.parse(await getServerClient().raw({ method: 'POST', path: 'tasks/send', body, priority: 'interactive' }));
}
