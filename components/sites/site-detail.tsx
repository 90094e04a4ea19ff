'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { MiniMap, type MapTiles } from '@/components/map/mini-map';
import {
  addressLines,
  CustomFieldsSection,
  DetailFallback,
  QuickActions,
  type DetailPerms,
} from '@/components/records/detail-common';
import { DetailHeader, Facts, PanelMessage, Section } from '@/components/records/detail-layout';
import { QuickActionDialogs, type QuickDialog } from '@/components/records/quick-action-dialogs';
import { ActiveBadge, contactName, dash, Tags } from '@/components/records/record-bits';
import { RecordLifecycle } from '@/components/records/record-lifecycle';
import { AttachmentsPanel, NotesPanel, TasksPanel } from '@/components/records/record-panels';
import { ChildRecordsPanel, JobsPanel } from '@/components/records/related-panels';
import { customFieldQueries } from '@/lib/queries/customfields';
import { siteQueries } from '@/lib/queries/sites';

const BACK = { href: '/sites', label: 'Sites' };

export function SiteDetail({ id, perms, tiles }: { id: number; perms: DetailPerms; tiles: MapTiles }) {
  const { data: s, error, refetch } = useQuery(siteQueries.detail(id));
  const defs = useQuery(customFieldQueries.byType('site'));
  const [dialog, setDialog] = useState<QuickDialog>(null);
  if (!s) return <DetailFallback error={error} onRetry={() => void refetch()} back={BACK} />;
  const link = { site: s.id };
  const lines = addressLines(s);
  const tel = (p: string | null) =>
    p ? (
      <a className="text-blue-800 hover:underline" href={`tel:${p}`}>
        {p}
      </a>
    ) : (
      '—'
    );
  return (
    <>
      <DetailHeader
        back={BACK}
        title={s.name}
        subtitle={
          <>
            Site of{' '}
            <Link href={`/customers/${s.customer.id}`} className="font-medium text-blue-800 hover:underline">
              {s.customer.name ?? `customer #${s.customer.id}`}
            </Link>
            {s.myId ? ` · My ID ${s.myId}` : ''}
          </>
        }
        badges={<ActiveBadge active={s.active} />}
        actions={<RecordLifecycle kind="sites" record={s} noun="site" basePath="/sites" perms={perms} />}
      />
      <QuickActions perms={perms} onOpen={setDialog} newJobHref={`/jobs/new?customer=${s.customer.id}&site=${s.id}`} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Section title="Contact">
            <Facts
              items={[
                ['Contact', dash(contactName(s))],
                ['Phone', tel(s.contactPhone)],
                ['Mobile', tel(s.contactMobile)],
                [
                  'Email',
                  s.contactEmail ? (
                    <a className="text-blue-800 hover:underline" href={`mailto:${s.contactEmail}`}>
                      {s.contactEmail}
                    </a>
                  ) : (
                    '—'
                  ),
                ],
                ['Fax', dash(s.contactFax)],
                ['Tags', <Tags key="t" tags={s.tags} max={20} />],
                ['Created', dash(s.dateCreated)],
                ['Modified', dash(s.dateModified)],
              ]}
            />
          </Section>
          <Section title="Address">
            {lines.length ? (
              <address className="mb-3 text-sm not-italic">
                {lines.map((l) => (
                  <div key={l}>{l}</div>
                ))}
              </address>
            ) : (
              <PanelMessage>No address.</PanelMessage>
            )}
            <MiniMap position={s.position} tiles={tiles} />
          </Section>
          <CustomFieldsSection values={s.customFieldValues} defs={defs.data} />
          <NotesPanel link={link} onAdd={perms.notes ? () => setDialog('note') : undefined} />
        </div>
        <div className="space-y-4">
          <ChildRecordsPanel
            kind="equipment"
            link={link}
            title="Equipment"
            addHref={perms.edit ? `/equipment/new?site=${s.id}` : undefined}
          />
          <JobsPanel link={link} />
          <TasksPanel link={link} onAdd={perms.tasks ? () => setDialog('task') : undefined} />
          <AttachmentsPanel
            link={link}
            onAdd={perms.attachments ? () => setDialog('attachment') : undefined}
            canDelete={perms.attachments}
          />
        </div>
      </div>
      <QuickActionDialogs link={link} open={dialog} onClose={() => setDialog(null)} recordName={s.name} />
    </>
  );
}
