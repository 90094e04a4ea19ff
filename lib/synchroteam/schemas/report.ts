/**
 * Report templates, shared blocks and job reports, as the API sends them.
 * A job report (jobReport/details, job.report) is the list of report blocks: template blocks instantiated per
 * iteration, whose items carry the stored value/comment/issue.
 */
import { z } from 'zod';

export const REPORT_ITEM_TYPES = [
  'compliance',
  'list',
  'text',
  'date',
  'time',
  'numeric',
  'signature',
  'picture',
] as const;
export const REPORT_ISSUES = ['Issue Reported', 'Resolved', 'None', '-'] as const;

export const ZReportItem = z.looseObject({
  id: z.number(),
  type: z.enum(REPORT_ITEM_TYPES),
  name: z.string(),
  isMandatory: z.boolean(),
  isPrivate: z.boolean(),
  conditionByItem: z.number().nullable(),
  conditionValue: z.string().nullable(),
  position: z.number(),
  listValues: z.array(z.string()).nullable().optional(),
});
export type ReportItem = z.infer<typeof ZReportItem>;

/** A block as placed in a report template: min/max iterations and isMandatory, no isPublished. */
export const ZTemplateBlock = z.looseObject({
  id: z.number(),
  name: z.string(),
  isShared: z.boolean(),
  isMandatory: z.boolean(),
  position: z.number(),
  min: z.number(),
  max: z.number(),
  items: z.array(ZReportItem),
});
export type TemplateBlock = z.infer<typeof ZTemplateBlock>;

export const ZReportTemplate = z.looseObject({
  id: z.number(),
  name: z.string(),
  isPublished: z.boolean(),
  isDefault: z.boolean(),
  blocks: z.array(ZTemplateBlock),
});
export type ReportTemplate = z.infer<typeof ZReportTemplate>;

/** jobReportTemplate/list items: no blocks, a block count instead. */
export const ZReportTemplateListItem = z.looseObject({
  id: z.number(),
  name: z.string(),
  isPublished: z.boolean(),
  isDefault: z.boolean(),
  numBlocks: z.number(),
});
export type ReportTemplateListItem = z.infer<typeof ZReportTemplateListItem>;

export const ZBlock = z.looseObject({
  id: z.number(),
  name: z.string(),
  isShared: z.boolean(),
  isPublished: z.boolean().optional(),
  items: z.array(ZReportItem),
});
export type Block = z.infer<typeof ZBlock>;

/** block/list items: shared blocks without items, an item count instead. */
export const ZBlockListItem = z.looseObject({
  id: z.number(),
  name: z.string(),
  isShared: z.boolean(),
  isPublished: z.boolean(),
  numItems: z.number(),
});
export type BlockListItem = z.infer<typeof ZBlockListItem>;

export const ZJobReportItem = ZReportItem.extend({
  value: z.string(),
  comment: z.string(),
  issue: z.enum(REPORT_ISSUES),
});
export type JobReportItem = z.infer<typeof ZJobReportItem>;

export const ZJobReportBlock = z.looseObject({
  id: z.number(),
  name: z.string(),
  isShared: z.boolean(),
  iteration: z.number(),
  isMandatory: z.boolean(),
  position: z.number(),
  items: z.array(ZJobReportItem),
});
export type JobReportBlock = z.infer<typeof ZJobReportBlock>;

export const ZJobReport = z.array(ZJobReportBlock);
export type JobReport = z.infer<typeof ZJobReport>;
