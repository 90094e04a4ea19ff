/**
 * The job page's notes (timeline), tasks and attachments: read and added by `job_num`, the lists' integer job filter
 * (job ids are text). Each mutation refreshes only its own list.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZPage } from '@/lib/synchroteam/schemas/common';
import { ZAttachment } from '@/lib/synchroteam/schemas/attachment';
import { ZTask } from '@/lib/synchroteam/schemas/task';
import { ZTimelineItem } from '@/lib/synchroteam/schemas/timeline';
import { api } from './client';
import { jobKeys } from './job-keys';

export function jobTimelineQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.timeline(num),
    queryFn: async ({ signal }) =>
      z
        .array(ZTimelineItem)
        .parse(await api.raw({ method: 'GET', path: 'timeline/list', query: { job_num: num }, signal })),
    staleTime: 15_000,
  });
}

export function jobTasksQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.tasks(num),
    queryFn: async ({ signal }) =>
      z.array(ZTask).parse(await api.raw({ method: 'GET', path: 'tasks/list', query: { job_num: num }, signal })),
    staleTime: 15_000,
  });
}

export function jobAttachmentsQuery(num: number) {
  return queryOptions({
    queryKey: jobKeys.attachments(num),
    queryFn: async ({ signal }) =>
      ZPage(ZAttachment).parse(
        await api.raw({ method: 'GET', path: 'attachment/list', query: { job_num: num, pageSize: 100 }, signal }),
      ).data,
    staleTime: 15_000,
  });
}

export function useAddTimelineMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: { type: string; title: string; content: string; isPublic: boolean }) =>
      api.raw({ method: 'POST', path: 'timeline/send', body: { ...n, job: { num } } }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.timeline(num) }),
  });
}

export function useAddTaskMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: { content: string; dateDue: string | null; category: string | null }) =>
      api.raw({ method: 'POST', path: 'tasks/send', body: { ...t, job: { num } } }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.tasks(num) }),
  });
}

export function useTaskDoneMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: { id: number; done: boolean }) => api.raw({ method: 'POST', path: 'tasks/send', body: t }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.tasks(num) }),
  });
}

export type NewAttachment =
  | { kind: 'link'; name: string; url: string; isPrivate: boolean }
  | { kind: 'file'; name: string; fileName: string; fileData: string; isPrivate: boolean };

export function useAddAttachmentMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: NewAttachment) =>
      api.raw({
        method: 'POST',
        path: 'attachment/create',
        body:
          a.kind === 'link'
            ? { name: a.name, url: a.url, isExternalLink: true, isPrivate: a.isPrivate, job: { num } }
            : {
                name: a.name || a.fileName,
                fileName: a.fileName,
                fileData: a.fileData,
                isExternalLink: false,
                isPrivate: a.isPrivate,
                job: { num },
              },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.attachments(num) }),
  });
}

export function useDeleteAttachmentMutation(num: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.raw({ method: 'DELETE', path: 'attachment/delete', query: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.attachments(num) }),
  });
}
