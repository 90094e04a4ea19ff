import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <p className="text-sm font-medium text-slate-500">404</p>
        <h1 className="mt-1 text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-slate-700">This page does not exist, or the record it showed is gone.</p>
        <Link href="/" className={buttonClasses('primary', 'md', 'mt-5')}>
          Go to home
        </Link>
      </div>
    </main>
  );
}
