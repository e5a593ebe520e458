/**
 * Hostile input: fast-check over every parser and writer with wikitext- and HTML-significant
 * strings. Each property counts its cases; a counterexample is an "escape" (a value that
 * changed a page's structure, or did not come back as it was written).
 *
 * The page-structure check: every bot-written page is rendered twice, once with a hostile
 * value in every free-text field and once with a plain word there; the pages' markup
 * skeletons (template braces, links, bars, tags, comments, signatures, bold/italic runs,
 * behaviour switches, line-start markup, URLs, line count) must be identical. Template-call
 * pages are also parsed back and every value must round-trip.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { safeLink } from '../../bot/clinics/summary-page';
import { icsCalendar } from '../../shared/calendar/ics';
import { parseRecords, serialiseRecord } from '../../shared/records/codec';
import { proposalCodec } from '../../shared/records/proposal';
import { escapeValue, unescapeValue } from '../../shared/wikitext/escape';
import { findTemplateCalls } from '../../shared/wikitext/template-calls';
import { CODEC_CASES as CODECS, poison } from '../../test/unit/shared/arbitraries';
import { HOSTILE, anyString } from '../../test/unit/shared/hostile';
import { botPages, PLAIN, proposal, sameSkeleton, skeleton } from './hostile-pages';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

/** More strings that mean something to MediaWiki, banana-i18n or a browser. */
export const EXTRA_HOSTILE: readonly string[] = [
  '$1',
  '$2 $3',
  '{{PLURAL:$1|a|b}}',
  '{{GENDER:x|a|b}}',
  '__NOTOC__',
  '__NOINDEX__ __NEWSECTIONLINK__',
  '----',
  '{|\n| a || b\n|}',
  '!! x',
  '<nowiki>',
  '</nowiki>',
  '<pre>',
  '<ref>x</ref>',
  '<gallery>File:X.png</gallery>',
  '<templatestyles src="x"/>',
  '{{#invoke:Foo|bar}}',
  '{{#tag:script|alert(1)}}',
  '[//evil.example x]',
  'http://evil.example/?a=b|c',
  'javascript:alert(1)',
  'mailto:someone@example.org',
  'RFC 1234 ISBN 0306406152 PMID 123',
  '&#124;&#61;&amp;',
  '\u202ebidi\u202c',
  '\u2066iso\u2069',
  '~~~~~ ~~~ ~~~~',
  '<!-- x',
  '-->',
  '<script>window.__xss=1</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  "'''bold''' ''italic''",
  '= heading =',
  '\n== heading ==\n',
  '[[File:X.png|thumb]]',
  '[[:Category:X]]',
  '#REDIRECT [[Main Page]]',
];

const ALL_HOSTILE = [...HOSTILE, ...EXTRA_HOSTILE].filter((s) => s !== '');

/** A hostile value: from the corpora, glued together, or any string. */
const hostileArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ALL_HOSTILE) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...ALL_HOSTILE), fc.string({ maxLength: 4 })), {
          minLength: 1,
          maxLength: 4,
        })
        .map((p) => p.join('')),
    },
    { weight: 1, arbitrary: anyString },
  )
  .filter((s) => s.trim() !== '');

/** Hostile page titles: anything MediaWiki would accept as a title, and worse. */
const titleArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Category:Spam',
    'File:Evil.png',
    'Template:Nobots',
    'Foo~~~~',
    'A__NOTOC__B',
    "A''b''",
    'Media:X.png',
    ':Category:Spam',
    'Special:Random',
    'Foo/Bar baz',
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ~_':/.-]{0,20}$/),
);

// ical.js is an ES module with a CommonJS build; this file is compiled to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;

/** Deep equality of plain data, whatever the objects' prototypes (fast-check makes some null). */
function same(a: unknown, b: unknown): boolean {
  const plain = (x: unknown): unknown => (x === undefined ? x : JSON.parse(JSON.stringify(x)));
  return isDeepStrictEqual(plain(a), plain(b));
}

// ---- the properties ------------------------------------------------------------------------

export interface FuzzResult {
  cases: number;
  escapes: number;
  /** One line per property that failed, with its counterexample. */
  failures: string[];
}

export function runFuzz(runsPerProperty: number, seed: number): FuzzResult {
  let cases = 0;
  const failures: string[] = [];
  const check = <T>(name: string, arb: fc.Arbitrary<T>, test: (v: T) => boolean, runs: number) => {
    const out = fc.check(
      fc.property(arb, (v) => {
        cases++;
        return test(v);
      }),
      { numRuns: runs, seed },
    );
    if (out.failed) {
      failures.push(
        `${name}: ${JSON.stringify(out.counterexample)}${out.errorInstance ? ` (${String(out.errorInstance)})` : ''}`,
      );
    }
  };

  // The one escaper: exact round trip, and no markup left in an escaped value.
  check(
    'escapeValue round trip',
    fc.oneof(anyString, hostileArb),
    (v) => unescapeValue(escapeValue(v)) === v,
    runsPerProperty * 4,
  );
  check(
    'escapeValue leaves no markup',
    hostileArb,
    (v) => {
      const e = escapeValue(v);
      return skeleton(`x ${e}`).length === 0 && !/^[\s*#:;]/.test(e);
    },
    runsPerProperty * 4,
  );

  // Every record codec: a record among others round-trips; a poisoned one keeps its shape.
  for (const [name, codec, arb] of CODECS) {
    check(
      `${name} codec round trip`,
      fc.tuple(arb, arb),
      ([a, b]) => {
        const page = `Intro {{Other|x=1}}\n${serialiseRecord(codec, a as never)}\ntext\n${serialiseRecord(codec, b as never)}\n`;
        const parsed = parseRecords(codec, page);
        return (
          parsed.length === 2 &&
          same(parsed[0]?.record, a) &&
          same(parsed[1]?.record, b) &&
          parsed.every((p) => p.problems.length === 0)
        );
      },
      runsPerProperty,
    );
    check(
      `${name} codec structure`,
      fc.tuple(arb, hostileArb),
      ([record, hostile]) => {
        const poisoned = poison(record, hostile);
        const text = serialiseRecord(codec, poisoned as never);
        const calls = findTemplateCalls(text, () => true);
        const expected = codec
          .toParams(poisoned as never)
          .filter(([, v]) => v !== '')
          .map(([n]) => n);
        const parsed = parseRecords(codec, text);
        return (
          calls.length === 1 &&
          calls[0]!.closed &&
          JSON.stringify(calls[0]!.params.map((p) => p.name)) === JSON.stringify(expected) &&
          text.split('\n').length === expected.length + 2 &&
          same(parsed[0]?.record, poisoned)
        );
      },
      runsPerProperty,
    );
  }

  // Every bot-written page: same skeleton with a hostile value as with a plain word; the
  // round page's proposals parse back exactly.
  const plainPages = new Map(botPages(PLAIN, 'Plain title'));
  check(
    'bot pages structure',
    fc.tuple(hostileArb, titleArb),
    ([value, title]) => {
      const plain = botPages(PLAIN, 'Plain title');
      const hostile = botPages(value, title);
      if (hostile.length !== plain.length) return false;
      for (const [name, text] of hostile) {
        const reference = plainPages.get(name);
        if (reference === undefined || !sameSkeleton(text, reference)) {
          throw new Error(`${name} changed structure`);
        }
      }
      const round = hostile.find(([n]) => n === 'round page')![1];
      const proposals = parseRecords(proposalCodec, round);
      // The bot writes the status it accepted alongside (the template shows it as final).
      const written = { ...proposal(value), accepted: proposal(value).status };
      return proposals.length === 1 && same(proposals[0]!.record, written);
    },
    Math.max(50, Math.round(runsPerProperty / 4)),
  );

  // safeLink: a link, or nothing, never markup.
  check(
    'safeLink',
    fc.tuple(hostileArb, titleArb),
    ([label, page]) => {
      const link = safeLink('', page, label);
      return link === null || sameSkeleton(link, '[[:Plain|Zz]]');
    },
    runsPerProperty,
  );

  // The .ics writer: one event, each text property read back exactly by ical.js.
  check(
    'ics writer',
    fc.tuple(fc.oneof(anyString, hostileArb), fc.oneof(anyString, hostileArb)),
    ([summaryText, description]) => {
      // iCalendar text cannot carry control characters other than newlines.
      // eslint-disable-next-line no-control-regex
      const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\r]/g, '');
      const text = icsCalendar(
        [
          {
            uid: 'u1@x',
            start: '2030-02-01T10:00Z',
            minutes: 60,
            summary: clean(summaryText),
            description: clean(description),
            location: clean(summaryText),
          },
        ],
        { stamp: new Date('2030-01-01T00:00:00Z'), name: clean(description) },
      );
      const comp = new ICAL.Component(ICAL.parse(text) as unknown[]);
      const events = comp.getAllSubcomponents('vevent');
      if (events.length !== 1) return false;
      const e = events[0]!;
      const same = (a: unknown, b: string) => (a ?? '') === b;
      return (
        same(e.getFirstPropertyValue('summary'), clean(summaryText)) &&
        same(e.getFirstPropertyValue('description'), clean(description)) &&
        same(e.getFirstPropertyValue('location'), clean(summaryText))
      );
    },
    runsPerProperty,
  );

  return { cases, escapes: failures.length, failures };
}

export const hostileSection: ReliabilitySection = {
  name: 'hostile',
  run(options: ReliabilityOptions): Promise<Figure[]> {
    // Short: a few thousand cases in seconds; full: tens of thousands.
    const runs = options.mode === 'short' ? 300 : 2500;
    const result = runFuzz(runs, options.seed);
    for (const f of result.failures) options.log(`ESCAPE ${f}`);
    options.log(`${result.cases} cases, ${result.escapes} escape(s)`);
    return Promise.resolve([
      { measure: 'fuzz cases run', value: result.cases },
      { measure: 'fuzz escapes found', value: result.escapes, target: 0 },
    ]);
  },
};
