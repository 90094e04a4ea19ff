'use client';
/** Timeline notes of a customer, site or equipment (the list is a bare array, oldest first) and adding a note. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZTimelineItem, type TimelineItem } from '../synchroteam/schemas/timeline';
import { api } from './client';
import { linkBody, linkFilter, type RecordLink } from './attachments';

const ZTimelineList = z.array(ZTimelineItem);

export const timelineQueries = {
  all: ['timeline'] as const,
  /** Notes only (source=timeline): job status notifications belong to the job pages. */
  notesFor: (link: RecordLink) =>
    queryOptions({
      queryKey: ['timeline', 'notes', linkFilter(link)],
      queryFn: async ({ signal }) => {
        const list = ZTimelineList.parse(
          await api.raw({
            method: 'GET',
            path: 'timeline/list',
            query: { ...linkFilter(link), source: 'timeline' },
            signal,
          }),
        );
        // Newest first; pinned notes on top.
        return list.sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || b.id - a.id);
      },
    }),
};

export type NewNote = {
  type: NonNullable<TimelineItem['type']>;
  title: string;
  content: string;
  isPinned: boolean;
  isPublic: boolean;
};

export function useAddNote(link: RecordLink) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (n: NewNote) => api.raw({ method: 'POST', path: 'timeline/send', body: { ...n, ...linkBody(link) } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: timelineQueries.all }),
  });
}
