import { NuqsAdapter } from 'nuqs/adapters/next/app';

/** The reports keep their period and tolerance in the URL with nuqs. */
export default function ReportsLayout({ children }: { children: React.ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
