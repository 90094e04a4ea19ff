/**
 * CSV export of jobs: one row per job/list item, in the order the list showed them.
 *
 * Choices: dates stay the API's account-local wall clock ("YYYY-MM-DD HH:mm"), the zone named in the header, so a
 * spreadsheet sorts them as text and nobody converts twice; lists (skills, tags, other technicians) are joined with
 * "; "; custom fields get one column each, named after their label, in first-seen order. Written by lib/csv.ts (the
 * one CSV writer of the app), which neutralises formulas (CSV injection).
 */
import { rowsToCsv, type CsvCell, type CsvColumn } from '../csv';
import type { JobListItem } from '../synchroteam/schemas/job';

type Col = CsvColumn<JobListItem>;

const ref = (r: { name?: string | null } | null | undefined) => r?.name ?? '';
const contactName = (j: JobListItem) => [j.contactFirstName, j.contactLastName].filter(Boolean).join(' ');

export function jobCsvColumns(timeZone: string): Col[] {
  const tz = ` (${timeZone})`;
  return [
    { header: 'Job number', value: (j) => j.num },
    { header: 'Job id', value: (j) => j.id },
    { header: 'My id', value: (j) => j.myId },
    { header: 'Status', value: (j) => j.status },
    { header: 'Priority', value: (j) => j.priority },
    { header: 'Description', value: (j) => j.description },
    { header: 'Customer', value: (j) => ref(j.customer) },
    { header: 'Customer id', value: (j) => j.customer?.id },
    { header: 'Site', value: (j) => ref(j.site) },
    { header: 'Equipment', value: (j) => ref(j.equipment) },
    { header: 'Job type', value: (j) => ref(j.type) },
    { header: 'Report template', value: (j) => ref(j.reportTemplate) },
    { header: 'Technician', value: (j) => ref(j.technician) },
    { header: 'Technician login', value: (j) => j.technician?.login },
    {
      header: 'Other technicians',
      value: (j) => (j.otherTechnicians ?? []).map((t) => t.name ?? t.login ?? t.id).join('; '),
    },
    { header: `Scheduled start${tz}`, value: (j) => j.scheduledStart },
    { header: `Scheduled end${tz}`, value: (j) => j.scheduledEnd },
    { header: `Actual start${tz}`, value: (j) => j.actualStart },
    { header: `Actual end${tz}`, value: (j) => j.actualEnd },
    { header: 'Duration (min)', value: (j) => j.duration },
    { header: 'Address', value: (j) => j.address },
    { header: 'City', value: (j) => j.addressCity },
    { header: 'ZIP', value: (j) => j.addressZIP },
    { header: 'Latitude', value: (j) => j.position?.latitude },
    { header: 'Longitude', value: (j) => j.position?.longitude },
    { header: 'Contact', value: contactName },
    { header: 'Contact phone', value: (j) => j.contactPhone },
    { header: 'Contact mobile', value: (j) => j.contactMobile },
    { header: 'Contact email', value: (j) => j.contactEmail },
    { header: 'Skills', value: (j) => j.skills?.join('; ') },
    { header: 'Tags', value: (j) => j.tags?.join('; ') },
    { header: 'Validated by', value: (j) => j.validateBy?.name ?? j.validateBy?.login },
    { header: `Validated on${tz}`, value: (j) => j.validateBy?.date },
    { header: `Created${tz}`, value: (j) => j.dateCreated },
    { header: `Modified${tz}`, value: (j) => j.dateModified },
    { header: `Deleted${tz}`, value: (j) => j.dateDeleted },
    { header: 'Public link', value: (j) => j.publicLink },
  ];
}

/** Rows (header first) for the given jobs. */
export function jobCsvRows(jobs: readonly JobListItem[], timeZone: string): CsvCell[][] {
  const cols = jobCsvColumns(timeZone);
  const cfLabels: string[] = [];
  for (const j of jobs) for (const cf of j.customFieldValues) if (!cfLabels.includes(cf.label)) cfLabels.push(cf.label);
  const header = [...cols.map((c) => c.header), ...cfLabels.map((l) => `Custom: ${l}`)];
  const rows = jobs.map((j) => [
    ...cols.map((c) => c.value(j) ?? ''),
    ...cfLabels.map((l) => j.customFieldValues.find((cf) => cf.label === l)?.value ?? ''),
  ]);
  return [header, ...rows];
}

/** The CSV text (CRLF line ends and a BOM, which spreadsheet programs need to read UTF-8 names right). */
export function jobsToCsv(jobs: readonly JobListItem[], timeZone: string): string {
  return rowsToCsv(jobCsvRows(jobs, timeZone));
}

/** "jobs-2026-11-28-scheduled.csv" */
export function jobCsvFileName(today: string, statuses: readonly string[] = []): string {
  const suffix = statuses.length && statuses.length <= 3 ? `-${statuses.join('-')}` : '';
  return `jobs-${today}${suffix}.csv`;
}
