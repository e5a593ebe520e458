import { createTwoFilesPatch } from 'diff';

/**
 * What a dry run prints for a page it would write. Wikitext pages get a unified diff; the
 * bot's JSON documents (one line of minified JSON each, thousands of lines when printed as
 * −/+ lines) get a summary of what changes: for each list, the entries added, removed and
 * changed (named by their user name, id or title), and each other field that changes. The
 * full diff of a JSON document is printed only when `verbose` is set.
 */
export function dryRunDiff(
  title: string,
  before: string | null,
  after: string,
  options: { revid?: number; verbose: boolean },
): string {
  const from = before === null ? '(new page)' : `r${options.revid ?? '?'}`;
  const header = `Would write ${title} (${before === null ? 'new page' : `changes to ${from}`})`;
  const full = createTwoFilesPatch(title, title, before ?? '', after, from, '(would be saved)');
  const next = parseJson(after);
  if (next === undefined) return `${header}\n${full}`;
  const lines = [
    `${header}: JSON document`,
    // A new document is described as if it replaced an empty one: what it holds.
    ...describeChange(before === null ? (Array.isArray(next) ? [] : {}) : parseJson(before), next),
  ];
  if (options.verbose) lines.push(full);
  else lines.push('  (the full diff with --verbose)');
  return lines.join('\n');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseJson(text: string): Json | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    return undefined;
  }
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One line per top-level field that changes (a whole document for a new page). */
function describeChange(before: Json | undefined, after: Json): string[] {
  if (!isObject(after) || !isObject(before)) {
    if (Array.isArray(after)) return [`  ${listChange('entries', toList(before), after)}`];
    return [`  ${before === undefined ? 'new document' : 'replaced'}`];
  }
  const out: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[key];
    const now = after[key];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (Array.isArray(now) || Array.isArray(was))
      out.push(`  ${listChange(key, toList(was), toList(now))}`);
    else if (isObject(now) || isObject(was))
      out.push(`  ${listChange(key, entriesOf(was), entriesOf(now))}`);
    else out.push(`  ${key}: ${short(was)} → ${short(now)}`);
  }
  return out.length > 0 ? out : ['  no field changes (formatting only)'];
}

const toList = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** A map's values as a list keyed by their map key. */
const entriesOf = (v: Json | undefined): Json[] =>
  isObject(v) ? Object.entries(v).map(([key, value]) => ({ key, value })) : [];

const ID_FIELDS = ['username', 'id', 'title', 'key', 'name', 'user', 'topic', 'month'];

/** What names an entry: its first identifying field, else its whole text. */
function entryKey(entry: Json): string {
  if (isObject(entry)) {
    for (const field of ID_FIELDS) {
      const value = entry[field];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return JSON.stringify(entry);
}

/** "entries: 2 added (A, B), 1 removed (C), 3 changed (D, E, F)". */
function listChange(name: string, before: Json[], after: Json[]): string {
  const was = new Map(before.map((e) => [entryKey(e), JSON.stringify(e)]));
  const now = new Map(after.map((e) => [entryKey(e), JSON.stringify(e)]));
  const added = [...now.keys()].filter((k) => !was.has(k));
  const removed = [...was.keys()].filter((k) => !now.has(k));
  const changed = [...now.keys()].filter((k) => was.has(k) && was.get(k) !== now.get(k));
  const part = (n: string[], what: string) =>
    n.length === 0 ? null : `${n.length} ${what} (${names(n)})`;
  const parts = [part(added, 'added'), part(removed, 'removed'), part(changed, 'changed')];
  const said = parts.filter((p): p is string => p !== null);
  return `${name}: ${said.length > 0 ? said.join(', ') : 'reordered'} (${after.length} in all)`;
}

/** The first few names, then how many more. */
function names(keys: string[]): string {
  // Page titles by their last part: "…/Participants/Ana", not the root five times over.
  const shown = keys
    .slice(0, 5)
    .map((k) => short(k.includes('/') ? `…/${k.split('/').pop()}` : k, 40));
  return keys.length > 5 ? `${shown.join(', ')} and ${keys.length - 5} more` : shown.join(', ');
}

function short(value: Json | undefined, max = 60): string {
  const text =
    value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
