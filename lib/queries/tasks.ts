'use client';
/** Tasks (follow-ups) of a customer, site or equipment (bare-array list) and adding one. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZTask } from '../synchroteam/schemas/task';
import { api } from './client';
import { linkBody, linkFilter, type RecordLink } from './attachments';

const ZTaskList = z.array(ZTask);

export const taskQueries = {
  all: ['tasks'] as const,
  forRecord: (link: RecordLink) =>
    queryOptions({
      queryKey: ['tasks', linkFilter(link)],
      queryFn: async ({ signal }) => {
        const list = ZTaskList.parse(
          await api.raw({ method: 'GET', path: 'tasks/list', query: linkFilter(link), signal }),
        );
        // Open tasks first (soonest due first), then done ones (latest first).
        return list.sort((a, b) => {
          if (!!a.dateDone !== !!b.dateDone) return a.dateDone ? 1 : -1;
          if (a.dateDone && b.dateDone) return b.dateDone.localeCompare(a.dateDone);
          return (a.dateDue ?? '9999').localeCompare(b.dateDue ?? '9999');
        });
      },
    }),
};

export type NewTask = { content: string; dateDue: string | null; category: string | null };

export function useAddTask(link: RecordLink) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: NewTask) =>
      api.raw({
        method: 'POST',
        path: 'tasks/send',
        body: {
          content: t.content,
          dateDue: t.dateDue,
          ...(t.category ? { category: t.category } : {}),
          ...linkBody(link),
        },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskQueries.all }),
  });
}
