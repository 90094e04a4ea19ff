#!/usr/bin/env node
/**
 * Extracts every request-body example ("Example POST Body", "POST Body") and every "JSON Returned" example from the
 * API reference, with the endpoint each belongs to, into sandbox/tests/reference-examples.json. The contract test
 * reference-examples.contract.test.ts sends them to the sandbox, and checks that this file is current whenever the
 * reference is present (../shared/reference beside the clone, as CI has it), so the list cannot drift.
 *
 *   node scripts/reference-examples.mjs           # rewrite the fixture
 *   node scripts/reference-examples.mjs --check   # exit 1 when the fixture is not what the reference gives
 *
 * The reference's examples are not all valid JSON (trailing commas, a missing comma, an object written inside [ ]).
 * Each example is repaired only in those ways, and every repair is recorded beside it, so a reader sees what was
 * changed; an example that still does not parse (placeholders such as {<job object>}) is kept with `unparsed`.
 * In the reference, an example comes before the "HTTP Request" line that names its endpoint.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE = join(root, '..', 'shared', 'reference', 'synchroteam-api-v3.txt');
export const FIXTURE = join(root, 'sandbox', 'tests', 'reference-examples.json');

const HEADINGS = { 'Example POST Body': 'body', 'POST Body': 'body', 'JSON Returned': 'returned' };
const ENDPOINT_RE = /^\s*(GET|POST|PUT|DELETE)\s+(?:\/api)?\/v3\/([^\s?]+)/i;

/** The text of a JSON example starting at line i: from its first bracket to the bracket that closes it. */
function captureBlock(lines, i) {
  while (i < lines.length && !lines[i].trim()) i++;
  const first = lines[i]?.trim() ?? '';
  if (!first.startsWith('{') && !first.startsWith('[')) return null;
  const out = [];
  let depth = 0;
  let inString = false;
  for (; i < lines.length; i++) {
    out.push(lines[i]);
    for (let k = 0; k < lines[i].length; k++) {
      const c = lines[i][k];
      if (inString) {
        if (c === '\\') k++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
    }
    if (depth <= 0) break;
  }
  return out
    .map((l) => l.replace(/^ {4}/, ''))
    .join('\n')
    .trimEnd();
}

/** Parses an example, repairing only the reference's known slips; says which repairs it made. */
export function parseExample(text) {
  const repairs = [];
  const attempt = (t) => {
    try {
      return { ok: true, value: JSON.parse(t) };
    } catch (e) {
      return { ok: false, error: e.message };
    }
  };
  let t = text;
  let r = attempt(t);
  if (r.ok) return { value: r.value, repairs };
  // Placeholders stand for "more of the same" or for another object: an elided list item or line goes, a placeholder
  // value becomes an empty list (inside [ ]) or null; a placeholder line standing for keys ("<One of id or myId>") goes.
  const placeholders = t
    .replace(/^\s*(\(\.\.\.\)|\.\.\.),?\s*$/gm, '')
    .replace(/\{\s*<[^>]*>\s*\},?/g, '')
    .replace(/^\s*<[^>]*>,?\s*$/gm, '')
    .replace(/\[\s*[A-Za-z][\w]*(?:\s*,\s*\.\.\.)?\s*,?\s*\]/g, '[]')
    .replace(/\[\s*<[^>]*>\s*\]/g, '[]')
    .replace(/:\s*<[^>]*>/g, ': null')
    .replace(/:\s*\[\s*<[^>]*>[^\]]*\]/g, ': []');
  if (placeholders !== t) {
    t = placeholders;
    repairs.push('placeholders dropped');
  }
  const noTrailing = t.replace(/,(\s*[}\]])/g, '$1');
  if (noTrailing !== t) {
    t = noTrailing;
    repairs.push('trailing comma removed');
  }
  const commas = t.replace(/("|\d|true|false|null|[}\]])(\s*\n\s*")/g, '$1,$2');
  if (commas !== t) {
    t = commas;
    repairs.push('missing comma added');
  }
  r = attempt(t);
  if (r.ok) return { value: r.value, repairs };
  // An object written inside [ ] ("[ "job": {…}, … ]"): read it as the object it lists the fields of.
  if (/^\[\s*"[^"]+"\s*:/.test(t)) {
    const asObject = `{${t.slice(1, t.lastIndexOf(']'))}}`;
    r = attempt(asObject);
    if (r.ok) return { value: r.value, repairs: [...repairs, 'object written in [ ] read as an object'] };
  }
  return { unparsed: r.error, repairs };
}

export function extractExamples(referenceText) {
  const lines = referenceText.split('\n');
  const examples = [];
  let pending = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    const kind = HEADINGS[trimmed];
    if (kind) {
      const text = captureBlock(lines, i + 1);
      if (text !== null) pending.push({ line: i + 1, kind, heading: trimmed, text });
      continue;
    }
    if (trimmed === 'HTTP Request') {
      let j = i + 1;
      while (j < lines.length && !lines[j].trim()) j++;
      const m = ENDPOINT_RE.exec(lines[j] ?? '');
      if (!m) continue;
      for (const p of pending) {
        const parsed = parseExample(p.text);
        examples.push({
          line: p.line,
          kind: p.kind,
          heading: p.heading,
          method: m[1].toUpperCase(),
          endpoint: m[2].toLowerCase(),
          ...(parsed.unparsed === undefined ? { json: parsed.value } : { unparsed: parsed.unparsed, text: p.text }),
          ...(parsed.repairs.length ? { repairs: parsed.repairs } : {}),
        });
      }
      pending = [];
    }
  }
  return examples;
}

export function render(examples) {
  return `${JSON.stringify({ source: 'shared/reference/synchroteam-api-v3.txt', generatedBy: 'scripts/reference-examples.mjs', examples }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(REFERENCE)) {
    console.error(`reference-examples: ${REFERENCE} not found (the shared folder sits beside the clone)`);
    process.exit(2);
  }
  const text = render(extractExamples(readFileSync(REFERENCE, 'utf8')));
  if (process.argv.includes('--check')) {
    const current = existsSync(FIXTURE) ? readFileSync(FIXTURE, 'utf8') : '';
    if (current !== text) {
      console.error(
        'reference-examples: sandbox/tests/reference-examples.json is stale; run node scripts/reference-examples.mjs',
      );
      process.exit(1);
    }
    console.log('reference-examples: fixture is current');
  } else {
    writeFileSync(FIXTURE, text);
    const n = JSON.parse(text).examples;
    console.log(
      `reference-examples: ${n.length} examples (${n.filter((e) => e.unparsed).length} unparsed) → ${FIXTURE}`,
    );
  }
}
