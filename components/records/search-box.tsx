'use client';

import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { controlClasses } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';

/** How long typing must pause before the list asks the API: short enough for the 300 ms keystroke budget. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * As-you-type name search. The text is local while typing and reaches the URL (and so the query) after a short pause;
 * a URL change from elsewhere (back button, a link) puts its value back into the box.
 */
export function SearchBox({
  value,
  onSearch,
  label,
  placeholder,
}: {
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  // What this box last sent to the URL: a URL value that differs came from elsewhere.
  const [sent, setSent] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed from elsewhere (back button, a link): show its search. Adjusted during render, not in an effect.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (value !== sent) {
      setSent(value);
      setText(value);
    }
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (q: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setSent(q);
      onSearch(q);
    }, delay);
  };

  return (
    <div className="relative w-full sm:max-w-sm">
      <label htmlFor="record-search" className="sr-only">
        {label}
      </label>
      <Search
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
        aria-hidden="true"
      />
      <input
        id="record-search"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          send(e.target.value, SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') send(text, 0);
        }}
        className={cn(controlClasses, 'h-10 pr-9 pl-9 [&::-webkit-search-cancel-button]:hidden')}
      />
      {text && (
        <button
          type="button"
          onClick={() => {
            setText('');
            send('', 0);
          }}
          className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        >
          <X className="size-4" aria-hidden="true" />
          <span className="sr-only">Clear search</span>
        </button>
      )}
    </div>
  );
}
