/** Pages edited badly by hand: clear problems, never a crash, never silent data loss. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  parseRecords,
  parseSingleRecord,
  replaceRecord,
  serialiseRecord,
} from '../../../shared/records/codec';
import { profileCodec, validateProfile, type Profile } from '../../../shared/records/profile';
import { proposalCodec } from '../../../shared/records/proposal';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { anyString } from './hostile';

const fixture = readFileSync(
  join(__dirname, '../../fixtures/hand-edited-profile.wikitext'),
  'utf8',
);
const keysOf = (problems: ReadonlyArray<{ key: string }>) => problems.map((p) => p.key);

describe('a hand-edited profile page (fixture)', () => {
  const { parsed, problems } = parseSingleRecord(profileCodec, fixture);
  const profile = parsed?.record as Profile;

  it('reads the first call and reports the second', () => {
    expect(profile.username).toBe('Ada Example');
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-template-repeated',
        params: ["Let's Connect/Profile", 2],
      }),
    );
  });

  it('accepts the wrong-case template name and says so', () => {
    expect(keysOf(problems)).toContain('letsconnect-problem-template-name-case');
  });

  it('uses the exactly-named duplicate, reports the variant spelling and the duplicate', () => {
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-param-case',
        params: ['Username', 'username'],
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-param-duplicate',
        params: ['username', 2, 'Ada Example'],
      }),
    );
  });

  it('follows MediaWiki for exact duplicates: the last value wins', () => {
    expect(profile.listed).toBe(false);
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-param-duplicate',
        params: ['listed', 2, 'no'],
      }),
    );
  });

  it('refuses private parameters without echoing them', () => {
    const p = problems.find((x) => x.key === 'letsconnect-problem-param-private');
    expect(p?.params).toEqual(['email']);
    expect(JSON.stringify(parsed)).not.toContain('ada@example.org');
  });

  it('keeps and reports unknown and positional parameters', () => {
    expect(parsed?.unknown).toEqual([['favourite colour', 'green']]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-param-positional',
        params: [10, 'a stray positional value\n'],
      }),
    );
  });

  it('drops comments, unwraps nowiki, keeps nested links whole, normalises enum case', () => {
    expect(profile.region).toBe('lac');
    expect(profile.about).toBe('I like [[Wikidata|structured data]] and {{templates}}');
  });

  it('reports bad list items and bad numbers with their values', () => {
    expect(profile.languages).toEqual([
      { code: 'es', level: 'N' },
      { code: 'qu', level: '3' },
      { code: 'en', level: '2' },
    ]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-format',
        params: ['languages', 'klingon'],
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-number',
        params: ['connections-per-month', 'lots', 0, 10],
      }),
    );
  });

  it('keeps unknown topic ids and reports them on validation', () => {
    expect(profile.learn).toEqual(['budget-development', 'made-up-topic']);
    expect(validateProfile(profile, defaultTaxonomy())).toContainEqual(
      expect.objectContaining({
        key: 'letsconnect-problem-topic-unknown',
        params: ['learn', 'made-up-topic'],
      }),
    );
  });

  it('gives every problem a line number', () => {
    expect(problems.every((p) => typeof p.line === 'number')).toBe(true);
  });
});

describe('broken pages', () => {
  it('reports a page without the template', () => {
    const { parsed, problems } = parseSingleRecord(profileCodec, 'Just text {{Other}}');
    expect(parsed).toBeNull();
    expect(keysOf(problems)).toEqual(['letsconnect-problem-template-missing']);
  });

  it('reads an unclosed call up to the next call and reports it', () => {
    const text =
      "{{Let's Connect/Proposal|id=a-1|sharer=Ann}\n{{Let's Connect/Proposal|id=a-2|sharer=Bob}}";
    const all = parseRecords(proposalCodec, text);
    expect(all.map((r) => r.record.sharer)).toEqual(['Ann', 'Bob']);
    expect(keysOf(all[0]?.problems ?? [])).toContain('letsconnect-problem-template-unclosed');
    expect(all[1]?.problems).toEqual([]);
  });

  it('reads a call that runs to the end of the page', () => {
    const all = parseRecords(profileCodec, "{{Let's Connect/Profile|username=Ann|about=Hi");
    expect(all[0]?.record.about).toBe('Hi');
    expect(all[0]?.problems[0]?.key).toBe('letsconnect-problem-template-unclosed');
  });

  it('accepts extra whitespace, underscores and the Template: prefix', () => {
    const all = parseRecords(
      profileCodec,
      "{{ Template:Let's_Connect/Profile \n |  username  =  Ann  \n}}",
    );
    expect(all[0]?.record.username).toBe('Ann');
    expect(all[0]?.problems).toEqual([]);
  });

  it('never throws on arbitrary text (property)', () => {
    const prefix = fc.constantFrom(
      '',
      "{{Let's Connect/Profile",
      "{{Let's Connect/Profile|",
      '{{',
      '[[',
      '<!--',
      '<nowiki>',
    );
    fc.assert(
      fc.property(prefix, anyString, anyString, (a, b, c) => {
        const text = `${a}${b}|x=${c}`;
        const parsed = parseRecords(profileCodec, text);
        return Array.isArray(parsed);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('replaceRecord', () => {
  it('rewrites the call in place and keeps the rest of the page', () => {
    const page = "Intro\n{{Let's Connect/Profile|username=Ann}}\nOutro";
    const { parsed } = parseSingleRecord(profileCodec, page);
    const record = { ...(parsed?.record as Profile), about: 'new | text' };
    const next = replaceRecord(profileCodec, page, parsed, record);
    expect(next.startsWith('Intro\n')).toBe(true);
    expect(next.endsWith('\nOutro')).toBe(true);
    expect(parseSingleRecord(profileCodec, next).parsed?.record.about).toBe('new | text');
  });

  it('appends to a page without the call', () => {
    const record = parseSingleRecord(profileCodec, "{{Let's Connect/Profile|username=Ann}}").parsed
      ?.record as Profile;
    expect(replaceRecord(profileCodec, 'Hello', null, record)).toBe(
      `Hello\n${serialiseRecord(profileCodec, record)}\n`,
    );
  });
});
