'use client';

import { parseAsString, useQueryStates } from 'nuqs';

/** The report's URL state (same names as lib/reports/report-params.ts reads on the server). */
export const reportUrlParsers = {
  period: parseAsString.withDefault('this-month'),
  from: parseAsString,
  to: parseAsString,
  tol: parseAsString,
};

export function useReportUrlState() {
  return useQueryStates(reportUrlParsers, { history: 'push' });
}
