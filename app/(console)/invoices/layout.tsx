import { NuqsAdapter } from 'nuqs/adapters/next/app';

/** The invoices list keeps its filters in the URL with nuqs (harmless if the console layout adds the adapter too). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
