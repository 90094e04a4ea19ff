import { AdminTabs } from '@/components/admin/admin-tabs';

/** Admin pages share a tab row; each page checks the role itself (requirePageArea), the proxy refuses first. */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <AdminTabs />
      {children}
    </>
  );
}
