/**
 * Typed readers for template parameters, and the matching writers. A reader never throws:
 * a value it cannot use is reported (with the value, so nothing is lost silently) and the
 * field gets its empty default.
 */
import { problem } from '../problems';
import type { ParamBag } from './param-bag';

/** Lists are comma-separated; hand edits with one item per line are accepted too. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function joinList(items: readonly string[]): string {
  return items.join(', ');
}

export function readText(bag: ParamBag, name: string): string {
  return bag.get(name);
}

/** Enum values are matched without regard to case and written in canonical form. */
export function readEnum<T extends string>(
  bag: ParamBag,
  name: string,
  values: readonly T[],
): T | '' {
  const value = bag.get(name).trim();
  if (value === '') return '';
  const found = values.find((v) => v === value.toLowerCase());
  if (found === undefined) {
    bag.report(problem(name, 'letsconnect-problem-enum', [name, value, values.join(', ')]));
    return '';
  }
  return found;
}

/**
 * A list whose items must match `item` once normalised (lower-cased unless said); bad items
 * are reported and left out.
 */
export function readList(
  bag: ParamBag,
  name: string,
  item: RegExp,
  normalise: (raw: string) => string = (raw) => raw.toLowerCase(),
): string[] {
  const out: string[] = [];
  for (const raw of splitList(bag.get(name))) {
    const token = normalise(raw);
    if (item.test(token)) out.push(token);
    else bag.report(problem(name, 'letsconnect-problem-format', [name, raw]));
  }
  return out;
}

export function readEnumList<T extends string>(
  bag: ParamBag,
  name: string,
  values: readonly T[],
): T[] {
  const out: T[] = [];
  for (const raw of splitList(bag.get(name))) {
    const found = values.find((v) => v === raw.toLowerCase());
    if (found !== undefined) out.push(found);
    else bag.report(problem(name, 'letsconnect-problem-enum', [name, raw, values.join(', ')]));
  }
  return out;
}

/** An integer in [min, max]; absent or bad gives null (bad is reported). */
export function readInt(bag: ParamBag, name: string, min: number, max: number): number | null {
  const value = bag.get(name).trim();
  if (value === '') return null;
  const n = /^-?[0-9]{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    bag.report(problem(name, 'letsconnect-problem-number', [name, value, min, max]));
    return null;
  }
  return n;
}

export function writeInt(n: number | null): string {
  return n === null ? '' : String(n);
}

const YES = new Set(['yes', 'y', 'true', '1', 'on']);
const NO = new Set(['no', 'n', 'false', '0', 'off']);

export function readBool(bag: ParamBag, name: string, fallback: boolean): boolean {
  const value = bag.get(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  bag.report(problem(name, 'letsconnect-problem-boolean', [name, bag.get(name)]));
  return fallback;
}

export function writeBool(b: boolean): string {
  return b ? 'yes' : 'no';
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDate(value: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().startsWith(value);
}

/** True for a UTC time written `YYYY-MM-DDTHH:MM[:SS]Z`. */
export function isTimestamp(value: string): boolean {
  const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?Z$/.exec(
    value,
  );
  return m !== null && isDate(m[1] ?? '');
}

export function readDate(bag: ParamBag, name: string): string {
  const value = bag.get(name).trim();
  if (value === '' || isDate(value)) return value;
  bag.report(problem(name, 'letsconnect-problem-date', [name, value]));
  return '';
}

export function readTimestamp(bag: ParamBag, name: string): string {
  const value = bag.get(name).trim();
  if (value === '' || isTimestamp(value)) return value;
  bag.report(problem(name, 'letsconnect-problem-timestamp', [name, value]));
  return '';
}

/** Values of a numbered parameter (`sharer#`) in number order; empty ones are skipped. */
export function readNumbered(bag: ParamBag, pattern: string): string[] {
  return bag
    .numbersOf(pattern)
    .map((n) => bag.get(pattern.replace('#', String(n))))
    .filter((v) => v !== '');
}

/** `[['sharer1', a], ['sharer2', b]]` for `writeNumbered('sharer#', [a, b])`. */
export function writeNumbered(pattern: string, values: readonly string[]): Array<[string, string]> {
  return values.map((v, i): [string, string] => [pattern.replace('#', String(i + 1)), v]);
}
