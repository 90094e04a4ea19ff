'use client';

/**
 * FullCalendar, configured for the board. Loaded only by the dispatch page (next/dynamic in dispatch-board.tsx keeps
 * it out of every other bundle). The calendar runs in 'UTC' and is fed account wall-clock times as if they were UTC
 * (lib/scheduling/wall-clock.ts explains why); `now` is the account's wall clock fed the same way.
 */
import FullCalendar from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/interaction';
import type {
  CalendarApi,
  EventApi,
  EventDropArg,
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventInput,
} from '@fullcalendar/core';
import type { EventResizeDoneArg, DropArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import resourceTimelinePlugin from '@fullcalendar/resource-timeline';
import resourceTimeGridPlugin from '@fullcalendar/resource-timegrid';
// Lets the Technician view scroll sideways (dayMinWidth); already a dependency of the timeline plugins.
import scrollGridPlugin from '@fullcalendar/scrollgrid';
import type { ResourceInput } from '@fullcalendar/resource';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { cardLayout, type Density, type JobCard } from '@/lib/scheduling/job-card';
import { accountNowForCalendar } from '@/lib/scheduling/wall-clock';
import { jobCardHtml } from '@/lib/scheduling/job-card-html';
import './board.css';

export type BoardView = 'day' | 'week' | 'tech' | 'list';

export const FC_VIEWS: Record<BoardView, string> = {
  day: 'resourceTimelineDay',
  week: 'resourceTimelineWeek',
  tech: 'resourceTimeGridDay',
  list: 'listWeek',
};

const BOARD_VIEW_OF: Record<string, BoardView> = Object.fromEntries(
  Object.entries(FC_VIEWS).map(([b, fc]) => [fc, b as BoardView]),
);

const PLUGINS = [interactionPlugin, resourceTimelinePlugin, resourceTimeGridPlugin, listPlugin, scrollGridPlugin];

/**
 * Width of one hour in the Day and Week timelines. A one-hour job must show its customer and its time
 * ("10:00–11:00", ~65 px in the card's 11 px type) on a 1440 px screen; FullCalendar's own fit gave Day ~40 px and
 * Week 24 px an hour. Two ways were weighed for Week: wider hours, or day-wide slots with the jobs stacked as cards in
 * each day's cell. Day slots would make a drag keep the time of day, a drop from the pool land at midnight and a
 * resize add whole days, so Week would behave unlike Day and Technician and its drop and resize handlers would need a
 * path of their own. Wider hours keep one time axis in every view (drag, drop, resize, the warnings and their tests are
 * unchanged) at the cost of sideways scrolling: about seven and a half hours are on screen at 1440 px (scrollTime
 * opens at 07:00). The number of slots, and with it the DOM, is unchanged.
 */
const HOUR_PX = 84;
/**
 * Day view: a little narrower, so that at 1600 px a working day (07:00–16:00) stays clear of FullCalendar's 50 px
 * auto-scroll band at the calendar's right edge (a drag to 16:00 would otherwise scroll the lanes under the pointer).
 */
const DAY_HOUR_PX = 76;

const VIEWS = {
  resourceTimelineDay: {
    slotDuration: '00:30',
    slotLabelFormat: { hour: 'numeric', minute: '2-digit', hour12: false },
    slotMinWidth: DAY_HOUR_PX / 2,
  },
  resourceTimelineWeek: {
    slotDuration: '01:00',
    slotLabelFormat: [
      { weekday: 'short', month: 'numeric', day: 'numeric' },
      { hour: 'numeric', hour12: false },
    ],
    slotMinWidth: HOUR_PX,
  },
  // A column per technician: at 1440 px a lane page of fifteen gave each ~50 px, four letters of a name. From this
  // width on the columns scroll sideways instead, and a card shows its customer, type and time.
  resourceTimeGridDay: { slotDuration: '00:30', dayMinWidth: 120 },
  listWeek: {},
} as const;

export interface BoardCalendarProps {
  licenseKey: string;
  timeZone: string;
  view: BoardView;
  date: string;
  resources: ResourceInput[];
  events: EventInput[];
  onEventDrop: (arg: EventDropArg) => void;
  onEventResize: (arg: EventResizeDoneArg) => void;
  onDrop: (arg: DropArg) => void;
  onEventClick: (jobId: string) => void;
  /** An event starts being dragged or resized. */
  onDragStart?: (jobId: string) => void;
  onDatesSet: (arg: DatesSetArg) => void;
  /** How much each job card says (lib/scheduling/job-card.ts). */
  density: Density;
}

const COLUMNS = [
  { field: 'title', headerContent: 'Technician' },
  { field: 'skills', headerContent: 'Skills', width: 90 },
];

function onEventDidMount(arg: { event: { title: string; extendedProps: Record<string, unknown> }; el: HTMLElement }) {
  if (arg.event.extendedProps.kind === 'ghost') arg.el.setAttribute('aria-label', arg.event.title);
  if (arg.event.extendedProps.kind !== 'job') return;
  // Events are focusable (eventInteractive): give them a name a screen reader can read, the card's facts in words
  // ("Job #24: Acme Bakery, Repair, 10:00–11:00, Scheduled, …"), and a tooltip with the same for a pointer.
  arg.el.setAttribute('aria-label', arg.event.title);
  arg.el.title = String(arg.event.extendedProps.tooltip ?? '');
  // (Job cards are eventContent's own nodes: no `.fc-sticky` title, which FullCalendar would measure after every
  // render, ~570 times on a large week.)
}

/** What a scroll area of the board holds, from FullCalendar's own class names; its name as a region. */
const SCROLL_AREAS: [selector: string, name: string][] = [
  ['.fc-datagrid-header', 'Technician columns'],
  ['.fc-datagrid-body', 'Technicians'],
  ['.fc-timeline-header', 'Time scale'],
  ['.fc-col-header', 'Technician columns'],
  ['.fc-daygrid-body', 'All-day jobs'],
  ['.fc-list-table, .fc-list-empty', 'Job list'],
];

/**
 * Whether a FullCalendar scroller is one a keyboard must be able to scroll: a view's main area (the lanes, the
 * technicians beside them, the list), which scrolls as soon as it holds enough, or a header whose content overflows
 * now in a direction it may scroll. Not the others (the technician column headers, the all-day row), which fit.
 */
function isScrollArea(el: HTMLElement): boolean {
  const style = getComputedStyle(el);
  const x = style.overflowX === 'auto' || style.overflowX === 'scroll';
  const y = style.overflowY === 'auto' || style.overflowY === 'scroll';
  if (el.classList.contains('fc-scroller-liquid-absolute') || el.classList.contains('fc-scroller-liquid'))
    return x || y;
  return (x && el.scrollWidth > el.clientWidth) || (y && el.scrollHeight > el.clientHeight);
}

/**
 * Accessibility fixes FullCalendar's markup needs (WCAG 2.1 A/AA, e2e/a11y/axe-sweep.spec.ts), applied after it draws a
 * view (dates, view, lanes or events changed). Idempotent: FullCalendar keeps its elements from render to render and
 * does not reset attributes it did not change, so a second pass finds everything done.
 *
 * FullCalendar's views are a layout table (`table.fc-scrollgrid`, which it marks role=grid > rowgroup) whose cells hold
 * scroll areas, each with a table of its own (the technicians, the column headers, the lanes). Those scroll areas hold
 * nothing focusable except events, so a keyboard could not scroll them (axe: scrollable-region-focusable); but a tab
 * stop inside a grid > rowgroup is not a row (axe: aria-required-children). So:
 * - the outer table is what it is, layout: role=presentation down to its cells (FullCalendar already marks its rows
 *   and cells so), and each scroll area becomes a named region with a tab stop (arrow keys then scroll it);
 * - the tables inside the scroll areas, whose rows and cells FullCalendar marks row / columnheader / gridcell, become
 *   the grids those rows belong to (axe: aria-required-parent), one per scroll area, as FullCalendar's nested tables
 *   are (https://github.com/fullcalendar/fullcalendar/issues/6526).
 */
function fixCalendarA11y(root: HTMLElement | null) {
  if (!root) return;
  // The timeline's lane table is aria-hidden, yet it holds the events, which are focusable: a keyboard user would land
  // on things a screen reader is told do not exist (axe: aria-hidden-focus). A presentational table hides the layout
  // and leaves the events (each named "Job #…") in the reading order.
  for (const t of root.querySelectorAll('.fc-timeline-body > table[aria-hidden="true"]')) {
    t.removeAttribute('aria-hidden');
    t.setAttribute('role', 'presentation');
  }
  for (const grid of root.querySelectorAll<HTMLElement>('table.fc-scrollgrid')) {
    if (grid.getAttribute('role') === 'presentation') continue;
    grid.setAttribute('role', 'presentation');
    for (const part of grid.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot'))
      part.setAttribute('role', 'presentation');
  }
  for (const row of root.querySelectorAll('table.fc-scrollgrid [role="row"]')) {
    const table = row.closest('table');
    if (table && !table.classList.contains('fc-scrollgrid') && table.getAttribute('role') === 'presentation')
      table.setAttribute('role', 'grid');
  }
  // A team row's expander is a bare span with a click handler: a button for a keyboard and a screen reader too.
  for (const el of root.querySelectorAll<HTMLElement>('.fc-datagrid-expander:not(.fc-datagrid-expander-placeholder)')) {
    const expanded = !!el.querySelector('.fc-icon-minus-square');
    const team = el.closest('.fc-datagrid-cell')?.textContent?.trim() || 'team';
    el.setAttribute('role', 'button');
    el.tabIndex = 0;
    el.setAttribute('aria-expanded', String(expanded));
    el.setAttribute('aria-label', `${team}: ${expanded ? 'hide' : 'show'} its technicians`);
    if (el.dataset.a11yExpander) continue;
    el.dataset.a11yExpander = '1';
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      el.click();
    });
    // FullCalendar redraws the icon, not the span: its state is read again once it has.
    el.addEventListener('click', () => requestAnimationFrame(() => fixCalendarA11y(root)));
  }
  for (const el of root.querySelectorAll<HTMLElement>('.fc-scroller')) {
    if (!isScrollArea(el)) {
      if (el.dataset.a11yScroll)
        for (const a of ['tabindex', 'role', 'aria-label', 'data-a11y-scroll']) el.removeAttribute(a);
      continue;
    }
    if (el.dataset.a11yScroll) continue;
    el.dataset.a11yScroll = '1';
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute(
      'aria-label',
      `${SCROLL_AREAS.find(([sel]) => el.querySelector(sel))?.[1] ?? 'Schedule'}, scrollable`,
    );
  }
}

/**
 * Whether FullCalendar already shows `e` as `cur` does: after a drop or a resize it moved the event itself, and the
 * board's (optimistic, then saved) data then describes the same place. Redrawing it would cost a full re-render and
 * re-measure of the view (~150-250 ms on a large week) for no visible change.
 */
function alreadyShows(cur: EventApi, e: EventInput): boolean {
  const ids = (e.resourceIds as string[] | undefined) ?? [];
  const curIds = cur.getResources().map((r) => r.id);
  return (
    cur.start?.getTime() === Date.parse(String(e.start)) &&
    cur.end?.getTime() === Date.parse(String(e.end)) &&
    curIds.length === ids.length &&
    ids.every((id) => curIds.includes(id)) &&
    cur.title === e.title &&
    cur.backgroundColor === e.backgroundColor &&
    cur.borderColor === e.borderColor &&
    cur.textColor === e.textColor &&
    cur.startEditable === e.editable &&
    cur.classNames.join(' ') === ((e.classNames as string[] | undefined) ?? []).join(' ')
  );
}

/** Above this many changed events, handing FullCalendar the new list is cheaper than editing event by event. */
const MAX_EDITS = 40;

/**
 * Applies the difference between two event lists through FullCalendar's API (remove + add per changed event, in one
 * render) and returns true; false when the lists differ too much (then the caller replaces the list). Events are
 * compared by identity: the board keeps an event object as long as what it shows has not changed.
 */
function applyEventEdits(api: CalendarApi, prev: readonly EventInput[], next: readonly EventInput[]): boolean {
  const before = new Map(prev.map((e) => [String(e.id), e]));
  const changed: EventInput[] = [];
  const removed: string[] = [];
  for (const e of next) {
    const id = String(e.id);
    if (before.get(id) !== e) changed.push(e);
    before.delete(id);
  }
  for (const id of before.keys()) removed.push(id);
  if (changed.length + removed.length > MAX_EDITS) return false;
  // Added events join the list's own source, so that a later full replacement removes them with it.
  const source = api.getEventSources()[0];
  if (!source) return false;
  api.batchRendering(() => {
    for (const id of removed) api.getEventById(id)?.remove();
    for (const e of changed) {
      const cur = api.getEventById(String(e.id));
      if (cur && alreadyShows(cur, e)) continue;
      cur?.remove();
      api.addEvent(e, source);
    }
  });
  return true;
}

export const BoardCalendar = memo(function BoardCalendar(p: BoardCalendarProps) {
  const ref = useRef<FullCalendar>(null);
  // What FullCalendar was last handed as its event list, and what it shows now (the list plus edits made through its
  // API). A new list replaces everything (re-parses and redraws every event: ~1 s on a large week); a save changes
  // one event, so small differences are applied as edits and the list handed over stays the same.
  const [handed, setHanded] = useState(p.events);
  const shown = useRef(p.events);
  useLayoutEffect(() => {
    const next = p.events;
    if (next === shown.current) return;
    const api = ref.current?.getApi();
    const prev = shown.current;
    shown.current = next;
    // (A copy when the list equals the one handed before: FullCalendar only notices a new identity.)
    if (!api || !applyEventEdits(api, prev, next)) setHanded((h) => (h === next ? [...next] : next));
  }, [p.events]);
  const { onDragStart } = p;
  const dragStart = useCallback(
    (arg: { event: { id: string; extendedProps: Record<string, unknown> } }) => {
      if (arg.event.extendedProps.kind === 'job') onDragStart?.(arg.event.id);
    },
    [onDragStart],
  );
  // FullCalendar re-renders everything when an option changes identity: keep every function and array stable.
  const { timeZone, onEventClick } = p;
  const now = useCallback(() => accountNowForCalendar(timeZone), [timeZone]);
  const eventClick = useCallback(
    (arg: EventClickArg) => {
      if (arg.event.extendedProps.kind === 'job') onEventClick(arg.event.id);
    },
    [onEventClick],
  );
  // initialView/initialDate apply at mount only; later changes of the URL move the calendar. Not at mount: gotoDate
  // with the date shown already still makes FullCalendar redraw and re-measure every lane (~0.4 s on a large week).
  const placed = useRef({ view: p.view, date: p.date });
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api || (placed.current.view === p.view && placed.current.date === p.date)) return;
    placed.current = { view: p.view, date: p.date };
    if (api.view.type !== FC_VIEWS[p.view]) api.changeView(FC_VIEWS[p.view], p.date);
    else api.gotoDate(p.date);
  }, [p.view, p.date]);
  // @fullcalendar/react hands every option to the calendar again on each render of <FullCalendar>, and the calendar
  // then redraws the whole view (~0.2–0.5 s on a large week) even when nothing changed. Keep the element itself
  // unless one of its inputs changed, so that React skips it; events edited through the API do not change `handed`.
  const {
    licenseKey,
    view,
    date,
    resources,
    onEventDrop,
    onEventResize,
    onDrop,
    onDatesSet: datesSetProp,
    density,
  } = p;
  const box = useRef<HTMLDivElement>(null);
  // A new density is a new function: FullCalendar then draws every card again, and measures the lanes' new heights.
  const eventContent = useCallback(
    (arg: EventContentArg) => {
      const card = arg.event.extendedProps.card as JobCard | undefined;
      if (!card) return true; // activities and windows: FullCalendar's own title
      return { html: jobCardHtml(card, cardLayout(BOARD_VIEW_OF[arg.view.type] ?? 'day', density)) };
    },
    [density],
  );
  const onDatesSet = useCallback(
    (arg: DatesSetArg) => {
      datesSetProp(arg);
      requestAnimationFrame(() => fixCalendarA11y(box.current));
    },
    [datesSetProp],
  );
  // A header scrolls or not with the window's width (isScrollArea): look again after a resize.
  const onWindowResize = useCallback(() => fixCalendarA11y(box.current), []);
  const initial = useRef({ view, date }).current;
  useEffect(() => {
    const id = requestAnimationFrame(() => fixCalendarA11y(box.current));
    return () => cancelAnimationFrame(id);
  }, [resources, handed, view]);
  useLayoutEffect(() => void performance.mark('board:drawn'), []); // npm run bench:board reports it
  return useMemo(
    () => (
      <div ref={box} className="h-full" data-density={density}>
        <FullCalendar
          ref={ref}
          schedulerLicenseKey={licenseKey}
          plugins={PLUGINS}
          timeZone="UTC"
          now={now}
          initialView={FC_VIEWS[initial.view]}
          initialDate={initial.date}
          views={VIEWS as never}
          headerToolbar={false}
          height="100%"
          firstDay={1}
          nowIndicator
          slotMinTime="06:00:00"
          slotMaxTime="21:00:00"
          scrollTime="07:00:00"
          resourceAreaWidth="220px"
          resourceGroupField="team"
          resourceOrder="team,title"
          resourceAreaColumns={COLUMNS}
          resources={resources}
          events={handed}
          editable
          eventResourceEditable
          eventDurationEditable
          eventStartEditable
          droppable
          eventInteractive
          snapDuration="00:15"
          dayMaxEvents
          eventDrop={onEventDrop}
          eventResize={onEventResize}
          eventDragStart={dragStart}
          eventResizeStart={dragStart}
          drop={onDrop}
          eventClick={eventClick}
          datesSet={onDatesSet}
          eventContent={eventContent}
          eventDidMount={onEventDidMount}
          windowResize={onWindowResize}
        />
      </div>
    ),
    [
      licenseKey,
      now,
      initial,
      resources,
      handed,
      onEventDrop,
      onEventResize,
      onDrop,
      eventClick,
      dragStart,
      onDatesSet,
      onWindowResize,
      eventContent,
      density,
    ],
  );
});
