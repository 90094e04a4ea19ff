/** Types of scripts/reference-examples.mjs (a plain Node script, so CI can run it without tsx). */
export const REFERENCE: string;
export const FIXTURE: string;
export function parseExample(text: string): { value?: unknown; unparsed?: string; repairs: string[] };
export function extractExamples(referenceText: string): unknown[];
export function render(examples: unknown[]): string;
