import { cn } from './cn';

/**
 * A plain, semantic table in a horizontally scrolling frame (narrow screens scroll the table, not the page). The frame
 * is `relative` so it also contains the table's absolutely positioned content (sr-only labels in cells): without it
 * they are placed against the page and widen it (the audit log was 423 px wide at 390).
 */
export function Table({
  caption,
  captionHidden,
  className,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn('relative overflow-x-auto rounded-lg border border-slate-200 bg-white', className)}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={captionHidden ? 'sr-only' : 'px-4 pt-3 text-left text-sm font-medium text-slate-700'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
      {children}
    </thead>
  );
}

export function TBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Tr({ className, children }: { className?: string; children: React.ReactNode }) {
  return <tr className={cn('align-middle', className)}>{children}</tr>;
}

export function Th({
  className,
  children,
  scope = 'col',
}: {
  className?: string;
  children?: React.ReactNode;
  scope?: 'col' | 'row';
}) {
  return (
    <th scope={scope} className={cn('px-4 py-2.5 font-semibold whitespace-nowrap', className)}>
      {children}
    </th>
  );
}

export function Td({
  className,
  children,
  colSpan,
}: {
  className?: string;
  children?: React.ReactNode;
  colSpan?: number;
}) {
  return (
    <td colSpan={colSpan} className={cn('px-4 py-2.5', className)}>
      {children}
    </td>
  );
}
