/**
 * A job card as DOM nodes for FullCalendar's `eventContent` hook. Plain DOM, not JSX: @fullcalendar/react renders JSX
 * content through one React portal per event and a resize of the whole calendar after each batch; a large week draws
 * thousands of events, and plain nodes cost a few elements each, drawn and measured in FullCalendar's own pass.
 * Styles: board.css (`.job-card`); the text itself: lib/scheduling/job-card.ts.
 */
import { cardLines, type CardLayout, type JobCard } from '@/lib/scheduling/job-card';

/** Glyphs a screen reader would read as noise: the event's accessible name says the same in words. */
const DECORATIVE = new Set(['priority', 'status', 'warning']);

export function jobCardNodes(card: JobCard, layout: CardLayout): HTMLElement[] {
  // Spans (styled as blocks): the phone day list puts the card inside a button, which holds phrasing content only.
  const box = document.createElement('span');
  box.className = `job-card job-card--${layout}`;
  for (const line of cardLines(card, layout)) {
    const row = document.createElement('span');
    row.className = 'job-card__line';
    for (const part of line) {
      const span = document.createElement('span');
      span.className = `job-card__${part.kind}`;
      span.textContent = part.text;
      if (DECORATIVE.has(part.kind)) span.setAttribute('aria-hidden', 'true');
      row.append(span);
    }
    box.append(row);
  }
  return [box];
}
