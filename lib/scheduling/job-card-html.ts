/**
 * A job card as HTML for FullCalendar's `eventContent` hook, and for the phone day list. A string, not JSX:
 * @fullcalendar/react renders JSX content through one React portal per event and a resize of the whole calendar after
 * each batch, and a large week draws thousands of events. Not DOM nodes either: FullCalendar asks for the content
 * again on every render of an event (a drag starting is one) and would swap in the new nodes each time; an unchanged
 * string is left as it is.
 * Styles: components/dispatch/board.css (`.job-card`); the text itself: job-card.ts. Pure, so unit-tested.
 */
import { cardLines, type CardLayout, type JobCard } from './job-card';

/** Glyphs a screen reader would read as noise: the event's accessible name says the same in words. */
const DECORATIVE = new Set(['priority', 'status', 'warning']);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Spans only (styled as blocks): the phone day list puts the card inside a button, which holds phrasing content. */
export function jobCardHtml(card: JobCard, layout: CardLayout): string {
  const lines = cardLines(card, layout).map(
    (line) =>
      `<span class="job-card__line">${line
        .map(
          (p) =>
            `<span class="job-card__${p.kind}"${DECORATIVE.has(p.kind) ? ' aria-hidden="true"' : ''}>${escape(p.text)}</span>`,
        )
        .join('')}</span>`,
  );
  return `<span class="job-card job-card--${layout}">${lines.join('')}</span>`;
}
