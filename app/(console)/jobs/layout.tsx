import { NuqsAdapter } from 'nuqs/adapters/next/app';

/** The jobs pages keep their filters in the URL with nuqs (harmless if the console layout adds the adapter too). */
export default function JobsLayout({ children }: { children: React.ReactNode }) {
  return <NuqsAdapter>{children}</NuqsAdapter>;
}
