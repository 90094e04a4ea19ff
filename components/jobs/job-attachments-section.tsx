'use client';

import { MAX_ATTACHMENT_BYTES, formatBytes } from '@/lib/synchroteam/limits';
import { useQuery } from '@tanstack/react-query';
import { ExternalLink, FileText, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import {
  jobAttachmentsQuery,
  type NewAttachment,
  useAddAttachmentMutation,
  useDeleteAttachmentMutation,
} from '@/lib/queries/job-notes-tasks-attachments';
import type { Attachment } from '@/lib/synchroteam/schemas/attachment';
import { explainError } from '@/lib/ui/api-errors';
import { JobSection, Muted } from './job-section';

/** Files above this are refused before upload (base64 in a JSON body through the proxy's 1 MB limit). */
const MAX_FILE_BYTES = MAX_ATTACHMENT_BYTES;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Attachments of the job: list, add a link, upload a file, delete (with confirmation). */
export function JobAttachmentsSection({ num }: { num: number }) {
  const list = useQuery(jobAttachmentsQuery(num));
  const add = useAddAttachmentMutation(num);
  const del = useDeleteAttachmentMutation(num);
  const [mode, setMode] = useState<'link' | 'file' | null>(null);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Attachment | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    let a: NewAttachment;
    if (mode === 'link') {
      if (!/^https?:\/\//i.test(url.trim())) return setError('Enter a web address starting with http:// or https://.');
      if (!name.trim()) return setError('Give the link a name.');
      a = { kind: 'link', name: name.trim(), url: url.trim(), isPrivate };
    } else {
      if (!file) return setError('Choose a file.');
      if (file.size > MAX_FILE_BYTES)
        return setError(
          `This file is ${formatBytes(file.size)}: files up to ${formatBytes(MAX_FILE_BYTES)} can be attached.`,
        );
      a = { kind: 'file', name: name.trim(), fileName: file.name, fileData: await readBase64(file), isPrivate };
    }
    add.mutate(a, {
      onSuccess: () => {
        toast.success('Attachment added');
        setMode(null);
        setName('');
        setUrl('');
        setFile(null);
      },
      onError: (err) => setError(explainError(err).message),
    });
  }

  const items = list.data ?? [];
  return (
    <JobSection
      title="Attachments"
      actions={
        !mode ? (
          <>
            <Button size="sm" variant="secondary" onClick={() => setMode('link')}>
              Add link
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setMode('file')}>
              Upload file
            </Button>
          </>
        ) : undefined
      }
    >
      {mode && (
        <form
          onSubmit={(e) => void submit(e)}
          className="mb-4 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          aria-label={mode === 'link' ? 'Add a link' : 'Upload a file'}
        >
          {mode === 'link' ? (
            <Field label="Web address">
              {(p) => (
                <Input {...p} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
              )}
            </Field>
          ) : (
            <Field label="File" hint={`Up to ${formatBytes(MAX_FILE_BYTES)}`}>
              {(p) => (
                <input
                  {...p}
                  type="file"
                  className="block text-sm"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              )}
            </Field>
          )}
          <Field label={mode === 'link' ? 'Name' : 'Name (optional)'}>
            {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} /> Private (team
            only)
          </label>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" size="sm" busy={add.isPending} busyLabel="Saving…">
              {mode === 'link' ? 'Add link' : 'Upload'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {list.isPending ? (
        <Muted>Loading…</Muted>
      ) : items.length === 0 ? (
        <Muted>No attachments.</Muted>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((a) => (
            <li key={a.id} className="flex items-center gap-2 py-2 text-sm">
              {a.isExternalLink ? (
                <ExternalLink className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
              ) : (
                <FileText className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
              )}
              <a
                href={a.url}
                target="_blank"
                rel="noreferrer"
                className="min-w-0 flex-1 truncate text-brand underline-offset-2 hover:underline"
              >
                {a.name}
              </a>
              {a.isPrivate && <span className="text-xs text-slate-500">private</span>}
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Delete attachment ${a.name}`}
                onClick={() => setDeleting(a)}
              >
                <Trash2 className="size-4" aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={!!deleting}
        onClose={() => setDeleting(null)}
        title="Delete attachment"
        description={deleting ? `“${deleting.name}” will be removed for good.` : undefined}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button
              variant="danger"
              busy={del.isPending}
              busyLabel="Deleting…"
              onClick={() =>
                del.mutate(deleting!.id, {
                  onSuccess: () => {
                    toast.success('Attachment deleted');
                    setDeleting(null);
                  },
                  onError: (err) => toast.error(explainError(err).message),
                })
              }
            >
              Delete
            </Button>
          </>
        }
      />
    </JobSection>
  );
}
