'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, controlClasses } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Badge } from '@/components/ui/badge';
import { jobTimelineQuery, useAddTimelineMutation } from '@/lib/queries/job-notes-tasks-attachments';
import { explainError } from '@/lib/ui/api-errors';
import { JobHistory } from './job-schedule-section';
import { refName } from './job-people';
import { JobSection, Muted } from './job-section';
import { minutePart } from '@/lib/synchroteam/dates';

const TYPES = [
  ['note', 'Note'],
  ['call', 'Call'],
  ['email', 'Email'],
  ['meeting', 'Meeting'],
  ['sms', 'SMS'],
] as const;

/** Timeline of the job: notes (add note/call/email/meeting/sms) and, below, the status history. */
export function JobNotesSection({ num }: { num: number }) {
  const timeline = useQuery(jobTimelineQuery(num));
  const add = useAddTimelineMutation(num);
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<string>('note');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notes = (timeline.data ?? []).filter((i) => i.source === 'timeline').sort((a, b) => b.id - a.id);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!title.trim() && !content.trim()) return setError('Write a title or some text.');
    add.mutate(
      { type, title: title.trim(), content: content.trim(), isPublic },
      {
        onSuccess: () => {
          toast.success('Added to the timeline');
          setTitle('');
          setContent('');
          setOpen(false);
        },
        onError: (err) => setError(explainError(err).message),
      },
    );
  }

  return (
    <JobSection
      title="Timeline"
      actions={
        !open ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            Add to timeline
          </Button>
        ) : undefined
      }
    >
      {open && (
        <form
          onSubmit={submit}
          className="mb-4 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          aria-label="Add to the timeline"
        >
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_1fr]">
            <Field label="Kind">
              {(p) => (
                <Select {...p} value={type} onChange={(e) => setType(e.target.value)}>
                  {TYPES.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Title">
              {(p) => <Input {...p} value={title} onChange={(e) => setTitle(e.target.value)} />}
            </Field>
          </div>
          <Field label="Text">
            {(p) => (
              <textarea
                {...p}
                rows={3}
                className={controlClasses}
                value={content}
                onChange={(e) => setContent(e.target.value)}
              />
            )}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} /> Visible to the
            customer
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" busy={add.isPending} busyLabel="Adding…">
              Add
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {timeline.isPending ? (
        <Muted>Loading…</Muted>
      ) : notes.length === 0 ? (
        <Muted>No notes yet.</Muted>
      ) : (
        <ul className="space-y-3">
          {notes.map((n) => (
            <li key={n.id} className="text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="blue">{TYPES.find(([v]) => v === n.type)?.[1] ?? n.type}</Badge>
                {n.title && <span className="font-medium">{n.title}</span>}
                {n.isPublic && <Badge tone="green">Public</Badge>}
                <span className="ml-auto text-xs tabular-nums text-slate-500">
                  {minutePart(n.dateCreated)}
                  {n.user ? ` · ${refName(n.user)}` : ''}
                </span>
              </div>
              {n.content && <p className="mt-1 whitespace-pre-wrap text-slate-700">{n.content}</p>}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-2 mt-4 border-t border-slate-100 pt-3 text-sm font-semibold text-slate-800">Status history</h3>
      <JobHistory items={timeline.data ?? []} />
    </JobSection>
  );
}
