'use client';

import { MAX_ATTACHMENT_BYTES, formatBytes } from '@/lib/synchroteam/limits';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { controlClasses, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { cn } from '@/components/ui/cn';
import { useCreateAttachment, type RecordLink } from '@/lib/queries/attachments';
import { useAddTask } from '@/lib/queries/tasks';
import { useAddNote } from '@/lib/queries/timeline';
import { formErrorFor } from '@/lib/records/form-errors';
import { startOfDayMinute } from '@/lib/synchroteam/dates';

export type QuickDialog = 'note' | 'task' | 'attachment' | null;

/** Files travel base64 in JSON through the proxy (1 MB body limit): keep them well under it. */
export const MAX_FILE_BYTES = MAX_ATTACHMENT_BYTES;

const noteSchema = z
  .object({
    type: z.enum(['note', 'call', 'email', 'meeting', 'sms']),
    title: z.string().max(200),
    content: z.string().max(4000),
    isPinned: z.boolean(),
  })
  .refine((n) => n.title.trim() || n.content.trim(), { path: ['content'], message: 'Write a title or some text' });

const taskSchema = z.object({
  content: z
    .string()
    .refine((v) => v.trim() !== '', 'Say what needs doing')
    .pipe(z.string().max(4000)),
  dateDue: z.string().refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Pick a date'),
  category: z.string().max(50),
});

const attachmentSchema = z
  .object({
    kind: z.enum(['link', 'file']),
    name: z.string().max(200),
    url: z.string(),
    isPrivate: z.boolean(),
    file: z.any(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'link') {
      if (!/^https?:\/\/\S+\.\S+/i.test(a.url.trim()))
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'Enter a web address starting with https://' });
      if (!a.name.trim()) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Give the link a name' });
    } else {
      const f = (a.file as FileList | undefined)?.[0];
      if (!f) ctx.addIssue({ code: 'custom', path: ['file'], message: 'Choose a file' });
      else if (f.size > MAX_FILE_BYTES)
        ctx.addIssue({
          code: 'custom',
          path: ['file'],
          message: `Files up to ${formatBytes(MAX_FILE_BYTES)} can be attached here`,
        });
    }
  });

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

function FormError({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800">
      {message}
    </p>
  ) : null;
}

/** The add-a-note, add-a-task and attach dialogs of a customer, site or equipment page. */
export function QuickActionDialogs({
  link,
  open,
  onClose,
  recordName,
}: {
  link: RecordLink;
  open: QuickDialog;
  onClose: () => void;
  recordName: string;
}) {
  return (
    <>
      <NoteDialog link={link} open={open === 'note'} onClose={onClose} recordName={recordName} />
      <TaskDialog link={link} open={open === 'task'} onClose={onClose} recordName={recordName} />
      <AttachmentDialog link={link} open={open === 'attachment'} onClose={onClose} recordName={recordName} />
    </>
  );
}

function NoteDialog({
  link,
  open,
  onClose,
  recordName,
}: {
  link: RecordLink;
  open: boolean;
  onClose: () => void;
  recordName: string;
}) {
  const add = useAddNote(link);
  const form = useForm<z.input<typeof noteSchema>>({
    resolver: zodResolver(noteSchema),
    defaultValues: { type: 'note', title: '', content: '', isPinned: false },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
    setError,
    reset,
  } = form;
  const submit = handleSubmit((v) =>
    add.mutate(
      { ...v, isPublic: false },
      {
        onSuccess: () => {
          toast.success('Note added');
          reset();
          onClose();
        },
        onError: (e) => setError('root', { message: formErrorFor(e, { fields: [] }).message }),
      },
    ),
  );
  return (
    <Dialog open={open} onClose={onClose} title="Add a timeline note" description={`On ${recordName}'s timeline.`}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={errors.root?.message} />
        <Field label="Kind">
          {(p) => (
            <Select {...p} {...register('type')}>
              <option value="note">Note</option>
              <option value="call">Call</option>
              <option value="email">Email</option>
              <option value="meeting">Meeting</option>
              <option value="sms">SMS</option>
            </Select>
          )}
        </Field>
        <Field label="Title" error={errors.title?.message}>
          {(p) => <Input {...p} {...register('title')} />}
        </Field>
        <Field label="Note" error={errors.content?.message}>
          {(p) => <textarea {...p} rows={4} className={cn(controlClasses)} {...register('content')} />}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" {...register('isPinned')} /> Pin to the top
        </label>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={add.isPending} busyLabel="Adding…">
            Add note
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function TaskDialog({
  link,
  open,
  onClose,
  recordName,
}: {
  link: RecordLink;
  open: boolean;
  onClose: () => void;
  recordName: string;
}) {
  const add = useAddTask(link);
  const form = useForm<z.input<typeof taskSchema>>({
    resolver: zodResolver(taskSchema),
    defaultValues: { content: '', dateDue: '', category: 'followup' },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
    setError,
    reset,
  } = form;
  const submit = handleSubmit((v) =>
    add.mutate(
      {
        content: v.content.trim(),
        dateDue: v.dateDue ? startOfDayMinute(v.dateDue) : null,
        category: v.category.trim() || null,
      },
      {
        onSuccess: () => {
          toast.success('Task added');
          reset();
          onClose();
        },
        onError: (e) => {
          const t = formErrorFor(e, { fields: ['content', 'dateDue', 'category'] });
          setError((t.field ?? 'root') as 'root', { message: t.message });
        },
      },
    ),
  );
  return (
    <Dialog open={open} onClose={onClose} title="Add a task" description={`A follow-up for ${recordName}.`}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={errors.root?.message} />
        <Field label="What needs doing" error={errors.content?.message}>
          {(p) => <textarea {...p} rows={3} className={controlClasses} {...register('content')} />}
        </Field>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Due date" error={errors.dateDue?.message}>
            {(p) => <Input {...p} type="date" {...register('dateDue')} />}
          </Field>
          <Field label="Category" error={errors.category?.message}>
            {(p) => (
              <Select {...p} {...register('category')}>
                <option value="followup">Follow-up</option>
                <option value="rappel">Call back</option>
                <option value="email">Email</option>
                <option value="meeting">Meeting</option>
              </Select>
            )}
          </Field>
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={add.isPending} busyLabel="Adding…">
            Add task
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function AttachmentDialog({
  link,
  open,
  onClose,
  recordName,
}: {
  link: RecordLink;
  open: boolean;
  onClose: () => void;
  recordName: string;
}) {
  const add = useCreateAttachment(link);
  const form = useForm<z.input<typeof attachmentSchema>>({
    resolver: zodResolver(attachmentSchema),
    defaultValues: { kind: 'link', name: '', url: '', isPrivate: false, file: undefined },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
    setError,
    reset,
    watch,
  } = form;
  const kind = watch('kind');
  const submit = handleSubmit(async (v) => {
    try {
      const file = (v.file as FileList | undefined)?.[0];
      const input =
        v.kind === 'link'
          ? { kind: 'link' as const, name: v.name.trim(), url: v.url.trim(), isPrivate: v.isPrivate }
          : {
              kind: 'file' as const,
              name: v.name.trim(),
              fileName: file!.name,
              fileData: await readBase64(file!),
              isPrivate: v.isPrivate,
            };
      await add.mutateAsync(input);
      toast.success(v.kind === 'link' ? 'Link attached' : 'File attached');
      reset();
      onClose();
    } catch (e) {
      const t = formErrorFor(e, { fields: ['name', 'url'] });
      setError((t.field ?? 'root') as 'root', { message: t.message });
    }
  });
  return (
    <Dialog open={open} onClose={onClose} title="Attach a link or a file" description={`Attached to ${recordName}.`}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={errors.root?.message} />
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">What to attach</legend>
          <label className="flex items-center gap-2">
            <input type="radio" value="link" className="size-4" {...register('kind')} /> A web link
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="file" className="size-4" {...register('kind')} /> A file
          </label>
        </fieldset>
        <Field label={kind === 'link' ? 'Name' : 'Name (optional)'} error={errors.name?.message}>
          {(p) => <Input {...p} {...register('name')} />}
        </Field>
        {kind === 'link' ? (
          <Field label="Web address" error={errors.url?.message}>
            {(p) => <Input {...p} type="url" inputMode="url" placeholder="https://" {...register('url')} />}
          </Field>
        ) : (
          <Field
            label="File"
            error={errors.file?.message as string | undefined}
            hint={`Up to ${formatBytes(MAX_FILE_BYTES)}.`}
          >
            {(p) => <input {...p} type="file" className="block w-full text-sm" {...register('file')} />}
          </Field>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" {...register('isPrivate')} /> Private (your team only)
        </label>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={form.formState.isSubmitting} busyLabel="Attaching…">
            Attach
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
