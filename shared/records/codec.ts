/**
 * One record type's mapping to a template call, and the generic reading and writing every
 * record type shares: find the calls, resolve parameters, report page-level problems.
 */
import { problem, type Problem } from '../problems';
import { findTemplateCalls, normaliseTemplateName } from '../wikitext/template-calls';
import { writeTemplateCall, type ParamList } from '../wikitext/template-writer';
import { ParamBag } from './param-bag';

export interface RecordCodec<T> {
  /** Template name without namespace, e.g. `Let's Connect/Profile`. */
  readonly template: string;
  /** Canonical parameter names, in the order they are written; `#` stands for 1, 2, 3… */
  readonly params: readonly string[];
  /** Plain-text values, unescaped; empty values are left out of the page. */
  toParams(record: T): ParamList;
  /** Reads a record, reporting bad values into the bag. Never throws. */
  fromParams(bag: ParamBag): T;
}

export interface ParsedRecord<T> {
  record: T;
  /** Every problem found in this call, each with the call's line. */
  problems: Problem[];
  /** Parameters we do not know, decoded; rewriting the record would drop them. */
  unknown: Array<[string, string]>;
  /** Offsets of the call in the page, for replacing it in place. */
  start: number;
  end: number;
  line: number;
}

/** How people misspell the template name: case, underscores, typographic apostrophes. */
function foldTemplateName(name: string): string {
  return normaliseTemplateName(name)
    .replace(/[\u2018\u2019`\u00b4]/g, "'")
    .toLowerCase();
}

/** MediaWiki ignores the case of a title's first letter only. */
function sameTitle(a: string, b: string): boolean {
  return a.slice(1) === b.slice(1) && a.slice(0, 1).toUpperCase() === b.slice(0, 1).toUpperCase();
}

export function serialiseRecord<T>(codec: RecordCodec<T>, record: T): string {
  const params = codec.toParams(record).filter(([, value]) => value !== '');
  return writeTemplateCall(codec.template, params);
}

/** Every call of the codec's template in `text`, in page order. */
export function parseRecords<T>(codec: RecordCodec<T>, text: string): ParsedRecord<T>[] {
  const wanted = foldTemplateName(codec.template);
  const calls = findTemplateCalls(text, (name) => foldTemplateName(name) === wanted);
  return calls.map((call) => {
    const bag = new ParamBag(call.params, codec.params);
    const record = codec.fromParams(bag);
    const problems: Problem[] = [];
    const written = normaliseTemplateName(call.name);
    if (!sameTitle(written, codec.template)) {
      problems.push(
        problem('', 'letsconnect-problem-template-name-case', [written, codec.template], 'warning'),
      );
    }
    if (!call.closed) {
      problems.push(
        problem('', 'letsconnect-problem-template-unclosed', [codec.template, call.line]),
      );
    }
    problems.push(...bag.problems);
    return {
      record,
      problems: problems.map((p) => ({ ...p, line: p.line ?? call.line })),
      unknown: bag.unknown,
      start: call.start,
      end: call.end,
      line: call.line,
    };
  });
}

export interface SingleRecordResult<T> {
  /** The first call on the page, or null when there is none. */
  parsed: ParsedRecord<T> | null;
  problems: Problem[];
}

/**
 * For pages that hold exactly one record (a profile, a clinic). When the template is
 * transcluded more than once, the first call is used and the repetition is reported.
 */
export function parseSingleRecord<T>(codec: RecordCodec<T>, text: string): SingleRecordResult<T> {
  const all = parseRecords(codec, text);
  const first = all[0];
  if (!first) {
    return {
      parsed: null,
      problems: [problem('', 'letsconnect-problem-template-missing', [codec.template])],
    };
  }
  const problems = [...first.problems];
  if (all.length > 1) {
    const p = problem('', 'letsconnect-problem-template-repeated', [codec.template, all.length]);
    problems.push({ ...p, line: all[1]?.line ?? first.line });
  }
  return { parsed: first, problems };
}

/**
 * Writes `record` over the call at `parsed` (or appends it when `parsed` is null), keeping
 * every other character of the page as it was.
 */
export function replaceRecord<T>(
  codec: RecordCodec<T>,
  text: string,
  parsed: Pick<ParsedRecord<T>, 'start' | 'end'> | null,
  record: T,
): string {
  const call = serialiseRecord(codec, record);
  if (parsed === null) return text === '' ? `${call}\n` : `${text.replace(/\n*$/, '\n')}${call}\n`;
  return text.slice(0, parsed.start) + call + text.slice(parsed.end);
}
