'use client';

import { useQuery } from '@tanstack/react-query';
import { ExternalLink, FileText, Link2, Paperclip, Pin, Plus, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { attachmentQueries, useDeleteAttachment, type RecordLink } from '@/lib/queries/attachments';
import { taskQueries } from '@/lib/queries/tasks';
import { timelineQueries } from '@/lib/queries/timeline';
import { explainError } from '@/lib/ui/api-errors';
import { PanelMessage, Section } from './detail-layout';
import { datePart } from '@/lib/synchroteam/dates';

function Loading() {
  return (
    <div className="space-y-2" aria-label="Loading">
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-4 w-1/2" />
    </div>
  );
}

function AddButton({ label, onClick }: { label: string; onClick?: () => void }) {
  if (!onClick) return null;
  return (
    <Button size="sm" variant="ghost" onClick={onClick}>
      <Plus className="size-4" aria-hidden="true" />
      {label}
    </Button>
  );
}

export function AttachmentsPanel({
  link,
  onAdd,
  canDelete,
}: {
  link: RecordLink;
  onAdd?: () => void;
  canDelete: boolean;
}) {
  const { data, isPending, error, refetch } = useQuery(attachmentQueries.forRecord(link));
  const del = useDeleteAttachment();
  return (
    <Section title="Attachments" action={<AddButton label="Attach" onClick={onAdd} />}>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorState compact error={error} onRetry={() => void refetch()} />
      ) : !data.data.length ? (
        <PanelMessage>No attachments yet.</PanelMessage>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.data.map((a) => (
            <li key={a.id} className="flex items-center gap-2 py-2">
              {a.isExternalLink ? (
                <Link2 className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
              ) : (
                <Paperclip className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
              )}
              <a
                href={a.url}
                target="_blank"
                rel="noreferrer noopener"
                className="min-w-0 flex-1 truncate text-blue-800 hover:underline"
              >
                {a.name}
                <ExternalLink className="ml-1 inline size-3" aria-hidden="true" />
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
              {a.isPrivate && <Badge>Private</Badge>}
              {canDelete && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    del.mutate(a.id, {
                      onSuccess: () => toast.success(`Removed “${a.name}”`),
                      onError: (e) => toast.error(explainError(e).message),
                    })
                  }
                >
                  <Trash2 className="size-4" aria-hidden="true" />
                  <span className="sr-only">Remove {a.name}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

const NOTE_KIND: Record<string, string> = {
  note: 'Note',
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  sms: 'SMS',
};

export function NotesPanel({ link, onAdd, limit = 8 }: { link: RecordLink; onAdd?: () => void; limit?: number }) {
  const { data, isPending, error, refetch } = useQuery(timelineQueries.notesFor(link));
  return (
    <Section title="Timeline notes" action={<AddButton label="Add note" onClick={onAdd} />}>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorState compact error={error} onRetry={() => void refetch()} />
      ) : !data.length ? (
        <PanelMessage>No notes yet.</PanelMessage>
      ) : (
        <ol className="space-y-3 text-sm">
          {data.slice(0, limit).map((n) => (
            <li key={n.id} className="border-l-2 border-slate-200 pl-3">
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <Badge tone="violet">{NOTE_KIND[n.type ?? 'note'] ?? 'Note'}</Badge>
                {n.isPinned && (
                  <span className="inline-flex items-center gap-0.5">
                    <Pin className="size-3" aria-hidden="true" /> Pinned
                  </span>
                )}
                <time>{n.dateCreated}</time>
                {n.user?.name && <span>· {n.user.name}</span>}
              </div>
              {n.title && <p className="mt-1 font-medium text-slate-900">{n.title}</p>}
              {n.content && <p className="mt-0.5 whitespace-pre-line text-slate-700">{n.content}</p>}
            </li>
          ))}
          {data.length > limit && <li className="text-xs text-slate-500">and {data.length - limit} older notes</li>}
        </ol>
      )}
    </Section>
  );
}

export function TasksPanel({ link, onAdd, limit = 8 }: { link: RecordLink; onAdd?: () => void; limit?: number }) {
  const { data, isPending, error, refetch } = useQuery(taskQueries.forRecord(link));
  return (
    <Section title="Tasks" action={<AddButton label="Add task" onClick={onAdd} />}>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorState compact error={error} onRetry={() => void refetch()} />
      ) : !data.length ? (
        <PanelMessage>No tasks.</PanelMessage>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.slice(0, limit).map((t) => (
            <li key={t.id} className="flex items-start gap-2 py-2">
              <FileText className="mt-0.5 size-4 shrink-0 text-slate-500" aria-hidden="true" />
              <div className="min-w-0 flex-1">
                <p className={t.dateDone ? 'text-slate-500 line-through' : 'text-slate-900'}>{t.content}</p>
                <p className="text-xs text-slate-600">
                  {t.dateDone
                    ? `Done ${datePart(t.dateDone)}`
                    : t.dateDue
                      ? `Due ${datePart(t.dateDue)}`
                      : 'No due date'}
                  {t.category ? ` · ${t.category}` : ''}
                </p>
              </div>
            </li>
          ))}
          {data.length > limit && <li className="py-2 text-xs text-slate-500">and {data.length - limit} more</li>}
        </ul>
      )}
    </Section>
  );
}
