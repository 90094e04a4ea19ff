'use client';
/** Attachments of a customer, site or equipment: list, create (external link or a small file), delete. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ZPage } from '../synchroteam/schemas/common';
import { ZAttachment, type Attachment } from '../synchroteam/schemas/attachment';
import { api } from './client';

/** Which record the attachments belong to: { customer: 12 } / { site: 3 } / { equipment: 9 }. */
export type RecordLink = Partial<Record<'customer' | 'site' | 'equipment', number>>;

export const linkFilter = (link: RecordLink) =>
  Object.fromEntries(Object.entries(link).map(([k, v]) => [`${k}_id`, v])) as Record<string, number>;
export const linkBody = (link: RecordLink) =>
  Object.fromEntries(Object.entries(link).map(([k, v]) => [k, { id: v }])) as Record<string, { id: number }>;

const ZAttachmentPage = ZPage(ZAttachment);

export const attachmentQueries = {
  all: ['attachments'] as const,
  forRecord: (link: RecordLink) =>
    queryOptions({
      queryKey: ['attachments', linkFilter(link)],
      queryFn: async ({ signal }) =>
        ZAttachmentPage.parse(
          await api.raw({
            method: 'GET',
            path: 'attachment/list',
            query: { ...linkFilter(link), pageSize: 100, sort: 'id', sortOrder: 'descending' },
            signal,
          }),
        ),
    }),
};

export type NewAttachment =
  | { kind: 'link'; name: string; url: string; isPrivate: boolean }
  | { kind: 'file'; name: string; fileName: string; fileData: string; isPrivate: boolean };

export function useCreateAttachment(link: RecordLink) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (a: NewAttachment): Promise<Attachment> => {
      const body =
        a.kind === 'link'
          ? { name: a.name, url: a.url, isExternalLink: true, isPrivate: a.isPrivate, ...linkBody(link) }
          : {
              name: a.name || a.fileName,
              fileName: a.fileName,
              fileData: a.fileData,
              isExternalLink: false,
              isPrivate: a.isPrivate,
              ...linkBody(link),
            };
      return ZAttachment.parse(await api.raw({ method: 'POST', path: 'attachment/create', body }));
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: attachmentQueries.all }),
  });
}

export function useDeleteAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.raw({ method: 'DELETE', path: 'attachment/delete', query: { id } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: attachmentQueries.all }),
  });
}
