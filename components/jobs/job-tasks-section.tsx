'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { jobTasksQuery, useAddTaskMutation, useTaskDoneMutation } from '@/lib/queries/job-notes-tasks-attachments';
import { explainError } from '@/lib/ui/api-errors';
import { JobSection, Muted } from './job-section';
import { datePart, startOfDayMinute } from '@/lib/synchroteam/dates';

/** Follow-up tasks of the job: open ones first by due date; add one; tick one done. */
export function JobTasksSection({ num, today }: { num: number; today: string }) {
  const tasks = useQuery(jobTasksQuery(num));
  const add = useAddTaskMutation(num);
  const done = useTaskDoneMutation(num);
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [due, setDue] = useState('');
  const [category, setCategory] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = [...(tasks.data ?? [])].sort((a, b) =>
    !!a.dateDone !== !!b.dateDone ? (a.dateDone ? 1 : -1) : (a.dateDue ?? '9999').localeCompare(b.dateDue ?? '9999'),
  );

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!content.trim()) return setError('Say what needs doing.');
    add.mutate(
      { content: content.trim(), dateDue: due ? startOfDayMinute(due) : null, category: category.trim() || null },
      {
        onSuccess: () => {
          toast.success('Task added');
          setContent('');
          setDue('');
          setCategory('');
          setOpen(false);
        },
        onError: (err) => setError(explainError(err).message),
      },
    );
  }

  return (
    <JobSection
      title="Tasks"
      actions={
        !open ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            Add task
          </Button>
        ) : undefined
      }
    >
      {open && (
        <form
          onSubmit={submit}
          className="mb-4 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          aria-label="Add a task"
        >
          <Field label="Task">
            {(p) => <Input {...p} value={content} onChange={(e) => setContent(e.target.value)} />}
          </Field>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Due date">
              {(p) => <Input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
            </Field>
            <Field label="Category" hint="e.g. followup, email, meeting">
              {(p) => <Input {...p} value={category} maxLength={50} onChange={(e) => setCategory(e.target.value)} />}
            </Field>
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" busy={add.isPending} busyLabel="Adding…">
              Add task
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {tasks.isPending ? (
        <Muted>Loading…</Muted>
      ) : list.length === 0 ? (
        <Muted>No tasks.</Muted>
      ) : (
        <ul className="divide-y divide-slate-100">
          {list.map((t) => {
            const overdue = !t.dateDone && t.dateDue && datePart(t.dateDue) < today;
            return (
              <li key={t.id} className="flex items-start gap-2 py-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={!!t.dateDone}
                  aria-label={`Done: ${t.content}`}
                  disabled={done.isPending}
                  onChange={(e) =>
                    done.mutate(
                      { id: t.id, done: e.target.checked },
                      { onError: (err) => toast.error(explainError(err).message) },
                    )
                  }
                />
                <div className="min-w-0 flex-1">
                  <p className={t.dateDone ? 'text-slate-500 line-through' : 'text-slate-900'}>{t.content}</p>
                  <p className="text-xs text-slate-600">
                    {t.dateDue ? (
                      <span className={overdue ? 'font-medium text-red-700' : undefined}>
                        Due {datePart(t.dateDue)}
                        {overdue ? ' (overdue)' : ''}
                      </span>
                    ) : (
                      'No due date'
                    )}
                    {t.category ? ` · ${t.category}` : ''}
                    {t.dateDone ? ` · done ${datePart(t.dateDone)}` : ''}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </JobSection>
  );
}
