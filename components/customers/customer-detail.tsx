'use client';

import { useQuery } from '@tanstack/react-query';
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
import { AttachmentsPanel, NotesPanel, TasksPanel } from '@/components/records/record-panels';
import { RecordLifecycle } from '@/components/records/record-lifecycle';
import { BillingPanel, ChildRecordsPanel, JobsPanel } from '@/components/records/related-panels';
import { customerQueries } from '@/lib/queries/customers';
import { customFieldQueries } from '@/lib/queries/customfields';

const BACK = { href: '/customers', label: 'Customers' };

export function CustomerDetail({ id, perms, tiles }: { id: number; perms: DetailPerms; tiles: MapTiles }) {
  const { data: c, error, refetch } = useQuery(customerQueries.detail(id));
  const defs = useQuery(customFieldQueries.byType('customer'));
  const [dialog, setDialog] = useState<QuickDialog>(null);
  if (!c) return <DetailFallback error={error} onRetry={() => void refetch()} back={BACK} />;
  const link = { customer: c.id };
  const lines = addressLines(c);
  const mail = c.contactEmail;
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
        title={c.name}
        subtitle={c.myId ? `My ID ${c.myId}` : undefined}
        badges={<ActiveBadge active={c.active} />}
        actions={
          <RecordLifecycle
            kind="customers"
            record={c}
            noun="customer"
            basePath="/customers"
            perms={perms}
            deleteNote="Its sites and equipment stay in the API but you will not find the customer in lists."
          />
        }
      />
      <QuickActions perms={perms} onOpen={setDialog} newJobHref={`/jobs/new?customer=${c.id}`} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Section title="Contact">
            <Facts
              items={[
                ['Contact', dash(contactName(c))],
                ['Phone', tel(c.contactPhone)],
                ['Mobile', tel(c.contactMobile)],
                [
                  'Email',
                  mail ? (
                    <a className="text-blue-800 hover:underline" href={`mailto:${mail}`}>
                      {mail}
                    </a>
                  ) : (
                    '—'
                  ),
                ],
                ['Fax', dash(c.contactFax)],
                ['VAT number', dash(c.vatNumber)],
                ['Tags', <Tags key="t" tags={c.tags} max={20} />],
                ['Created', dash(c.dateCreated)],
                ['Modified', dash(c.dateModified)],
              ]}
            />
          </Section>
          <Section title="Address">
            {lines.length ? (
              <address className="mb-3 text-sm not-italic text-slate-900">
                {lines.map((l) => (
                  <div key={l}>{l}</div>
                ))}
              </address>
            ) : (
              <PanelMessage>No address.</PanelMessage>
            )}
            <MiniMap position={c.position} tiles={tiles} />
          </Section>
          <CustomFieldsSection values={c.customFieldValues} defs={defs.data} />
          <NotesPanel link={link} onAdd={perms.notes ? () => setDialog('note') : undefined} />
        </div>
        <div className="space-y-4">
          <ChildRecordsPanel
            kind="sites"
            link={link}
            title="Sites"
            addHref={perms.edit ? `/sites/new?customer=${c.id}` : undefined}
          />
          <ChildRecordsPanel
            kind="equipment"
            link={link}
            title="Equipment"
            addHref={perms.edit ? `/equipment/new?customer=${c.id}` : undefined}
          />
          <JobsPanel link={link} />
          {perms.billing && <BillingPanel customerId={c.id} />}
          <TasksPanel link={link} onAdd={perms.tasks ? () => setDialog('task') : undefined} />
          <AttachmentsPanel
            link={link}
            onAdd={perms.attachments ? () => setDialog('attachment') : undefined}
            canDelete={perms.attachments}
          />
        </div>
      </div>
      <QuickActionDialogs link={link} open={dialog} onClose={() => setDialog(null)} recordName={c.name} />
    </>
  );
}
