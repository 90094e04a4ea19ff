'use client';

import { ExternalLink, Mail, Phone, Smartphone } from 'lucide-react';
import Link from 'next/link';
import { MiniMap } from '@/components/map/mini-map';
import type { Job } from '@/lib/synchroteam/schemas/job';
import { Fact, JobSection } from './job-section';

export interface MapSettings {
  tileUrl: string;
  attribution: string;
}

function RecordLink({ href, name, myId }: { href: string; name?: string | null; myId?: string | null }) {
  return (
    <Link href={href} className="text-brand underline-offset-2 hover:underline">
      {name || 'Unnamed'}
      {myId ? <span className="text-slate-500"> ({myId})</span> : null}
    </Link>
  );
}

/** Who, where and how to reach them: customer/site/equipment links, contact with click-to-call/mail, address + map. */
export function JobOverviewSection({ job, map }: { job: Job; map: MapSettings }) {
  const contact = [job.contactFirstName, job.contactLastName].filter(Boolean).join(' ');
  return (
    <JobSection title="Customer and place">
      <dl>
        <Fact label="Customer">
          <RecordLink href={`/customers/${job.customer.id}`} name={job.customer.name} myId={job.customer.myId} />
        </Fact>
        <Fact label="Site">
          {job.site ? <RecordLink href={`/sites/${job.site.id}`} name={job.site.name} myId={job.site.myId} /> : '—'}
        </Fact>
        <Fact label="Equipment">
          {job.equipment ? (
            <RecordLink href={`/equipment/${job.equipment.id}`} name={job.equipment.name} myId={job.equipment.myId} />
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Contact">{contact || '—'}</Fact>
        {job.contactPhone && (
          <Fact label="Phone">
            <a
              href={`tel:${job.contactPhone.replace(/[^\d+]/g, '')}`}
              className="inline-flex items-center gap-1 text-brand underline-offset-2 hover:underline"
            >
              <Phone className="size-3.5" aria-hidden="true" />
              {job.contactPhone}
            </a>
          </Fact>
        )}
        {job.contactMobile && (
          <Fact label="Mobile">
            <a
              href={`tel:${job.contactMobile.replace(/[^\d+]/g, '')}`}
              className="inline-flex items-center gap-1 text-brand underline-offset-2 hover:underline"
            >
              <Smartphone className="size-3.5" aria-hidden="true" />
              {job.contactMobile}
            </a>
          </Fact>
        )}
        {job.contactEmail && (
          <Fact label="Email">
            <a
              href={`mailto:${job.contactEmail}`}
              className="inline-flex items-center gap-1 break-all text-brand underline-offset-2 hover:underline"
            >
              <Mail className="size-3.5" aria-hidden="true" />
              {job.contactEmail}
            </a>
          </Fact>
        )}
        <Fact label="Address">
          {job.address || '—'}
          {job.addressComplement && <span className="block text-slate-600">{job.addressComplement}</span>}
        </Fact>
        <Fact label="Public link">
          <a
            href={job.publicLink}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-1 break-all text-brand underline-offset-2 hover:underline"
          >
            Open the customer’s job page
            <ExternalLink className="size-3.5" aria-hidden="true" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </Fact>
      </dl>
      <div className="mt-3">
        <MiniMap position={job.position} tiles={{ url: map.tileUrl, attribution: map.attribution }} />
      </div>
    </JobSection>
  );
}
