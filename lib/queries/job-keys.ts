/**
 * The jobs domain's react-query keys and its invalidation helpers, shared by the job query and mutation modules
 * (job-queries, job-lookups, job-lifecycle, job-edits, job-notes-tasks-attachments). Keys start with 'jobs'; lookups
 * live under ['jobs', 'lookup'] so that a job's change does not refetch them.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Query } from '@/lib/synchroteam/client';

export const jobKeys = {
  all: ['jobs'] as const,
  list: (q: Query) => ['jobs', 'list', q] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  photos: (id: string) => ['jobs', 'photos', id] as const,
  photo: (id: string, fileName: string) => ['jobs', 'photo', id, fileName] as const,
  timeline: (num: number) => ['jobs', 'timeline', num] as const,
  tasks: (num: number) => ['jobs', 'tasks', num] as const,
  attachments: (num: number) => ['jobs', 'attachments', num] as const,
  billing: (num: number) => ['jobs', 'billing', num] as const,
  availability: (day: string) => ['jobs', 'availability', day] as const,
  lookup: (name: string, arg?: unknown) => ['jobs', 'lookup', name, arg ?? null] as const,
};

export function invalidateJob(qc: QueryClient, _id?: string): Promise<void> {
  // The board keeps its own copy of jobs; refresh it too so both screens agree. Lookups stay cached.
  void qc.invalidateQueries({ queryKey: ['board'] });
  return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'jobs' && q.queryKey[1] !== 'lookup' });
}

export const invalidateJobs = (qc: QueryClient) => invalidateJob(qc);
