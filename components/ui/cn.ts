import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names (falsy ones skipped, as clsx does) and resolves Tailwind conflicts so the later class wins:
 * `cn('h-10 px-3', 'h-9')` is `px-3 h-9`. That is what lets a caller's className override a primitive's default.
 */
export function cn(...parts: ClassValue[]): string {
  return twMerge(clsx(parts));
}
