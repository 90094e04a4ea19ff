import { brandStyle } from '@/lib/ui/brand';
import { fill, type Messages, type TrackLang } from '@/lib/track/i18n';

/** The public frame of the tracking pages: the company's name and colour, the page language, no console chrome. */
export function TrackFrame({
  company,
  color,
  lang,
  m,
  children,
}: {
  company: string;
  color: string;
  lang: TrackLang;
  m: Messages;
  children: React.ReactNode;
}) {
  return (
    <div lang={lang} style={brandStyle(color)} className="flex min-h-dvh flex-col bg-slate-50">
      <header className="bg-brand text-brand-ink">
        <div className="mx-auto flex max-w-2xl items-center px-4 py-3">
          <p className="text-lg font-semibold leading-tight">{company}</p>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-5 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto w-full max-w-2xl px-4 pb-6 text-center text-xs text-slate-600">
        {fill(m.footer, { company })}
      </footer>
    </div>
  );
}
