/**
 * Language of the tracking pages: chosen from the browser's Accept-Language (English and French; English when
 * neither is asked for). The message catalogue is one flat object per language (lib/track/messages-*.ts); only the
 * chosen one is sent to the browser.
 *
 * Two things are negotiated: the catalogue language ("en" | "fr") and the formatting locale (the browser's own tag
 * when it is of that language, so "en-GB" gets 24-hour times and "fr-CA" its own date order).
 */
import { MESSAGES_EN, type Messages } from './messages-en';
import { MESSAGES_FR } from './messages-fr';

export type TrackLang = 'en' | 'fr';
export type { Messages, MessageKey } from './messages-en';

const CATALOGUES: Record<TrackLang, Messages> = { en: MESSAGES_EN, fr: MESSAGES_FR };
const DEFAULT_FORMAT: Record<TrackLang, string> = { en: 'en-US', fr: 'fr-FR' };

export interface Negotiated {
  lang: TrackLang;
  /** BCP 47 tag for Intl formatting. */
  formatLocale: string;
}

/** Parses "fr-CA,fr;q=0.9,en;q=0.8" into tags by preference (q=0 dropped, ties keep header order). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.tag && x.tag !== '*' && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(x.tag) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.tag);
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export function negotiateLanguage(acceptLanguage: string | null | undefined): Negotiated {
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const lang = tag.split('-')[0].toLowerCase();
    if (lang === 'en' || lang === 'fr') {
      const c = tag.includes('-') ? canonical(tag) : null;
      return { lang, formatLocale: c ?? DEFAULT_FORMAT[lang] };
    }
  }
  return { lang: 'en', formatLocale: DEFAULT_FORMAT.en };
}

export function messagesFor(lang: TrackLang): Messages {
  return CATALOGUES[lang];
}

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** "Try again in N minutes", with the plural the language needs. */
export function retryText(m: Messages, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return fill(minutes === 1 ? m.retryInOneMinute : m.retryInMinutes, { minutes });
}
