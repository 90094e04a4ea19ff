'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import {
  CustomFieldsSection,
  DetailFallback,
  QuickActions,
  type DetailPerms,
} from '@/components/records/detail-common';
import { DetailHeader, Facts, Section } from '@/components/records/detail-layout';
import { QuickActionDialogs, type QuickDialog } from '@/components/records/quick-action-dialogs';
import { ActiveBadge, dash, Tags } from '@/components/records/record-bits';
import { RecordLifecycle } from '@/components/records/record-lifecycle';
import { AttachmentsPanel, NotesPanel, TasksPanel } from '@/components/records/record-panels';
import { JobsPanel } from '@/components/records/related-panels';
import { customFieldQueries } from '@/lib/queries/customfields';
import { equipmentQueries } from '@/lib/queries/equipment';

const BACK = { href: '/equipment', label: 'Equipment' };

export function EquipmentDetail({ id, perms }: { id: number; perms: DetailPerms }) {
  const { data: e, error, refetch } = useQuery(equipmentQueries.detail(id));
  const defs = useQuery(customFieldQueries.byType('equipment'));
  const [dialog, setDialog] = useState<QuickDialog>(null);
  if (!e) return <DetailFallback error={error} onRetry={() => void refetch()} back={BACK} />;
  const link = { equipment: e.id };
  return (
    <>
      <DetailHeader
        back={BACK}
        title={e.name}
        subtitle={e.myId ? `My ID ${e.myId}` : undefined}
        badges={<ActiveBadge active={e.active} />}
        actions={<RecordLifecycle kind="equipment" record={e} noun="equipment" basePath="/equipment" perms={perms} />}
      />
      <QuickActions
        perms={perms}
        onOpen={setDialog}
        newJobHref={`/jobs/new?customer=${e.customer.id}${e.site ? `&site=${e.site.id}` : ''}&equipment=${e.id}`}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Section title="Where it is">
            <Facts
              items={[
                [
                  'Customer',
                  <Link key="c" href={`/customers/${e.customer.id}`} className="text-blue-800 hover:underline">
                    {e.customer.name ?? `#${e.customer.id}`}
                  </Link>,
                ],
                [
                  'Site',
                  e.site ? (
                    <Link key="s" href={`/sites/${e.site.id}`} className="text-blue-800 hover:underline">
                      {e.site.name ?? `#${e.site.id}`}
                    </Link>
                  ) : (
                    'Not on a site'
                  ),
                ],
                ['Tags', <Tags key="t" tags={e.tags} max={20} />],
                ['Created', dash(e.dateCreated)],
                ['Modified', dash(e.dateModified)],
              ]}
            />
          </Section>
          <CustomFieldsSection values={e.customFieldValues} defs={defs.data} />
          <NotesPanel link={link} onAdd={perms.notes ? () => setDialog('note') : undefined} />
        </div>
        <div className="space-y-4">
          <JobsPanel link={link} title="Job history" />
          <TasksPanel link={link} onAdd={perms.tasks ? () => setDialog('task') : undefined} />
          <AttachmentsPanel
            link={link}
            onAdd={perms.attachments ? () => setDialog('attachment') : undefined}
            canDelete={perms.attachments}
          />
        </div>
      </div>
      <QuickActionDialogs link={link} open={dialog} onClose={() => setDialog(null)} recordName={e.name} />
    </>
  );
}
