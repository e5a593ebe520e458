import fs from 'node:fs';
import path from 'node:path';
import {
  checkTranslations,
  messageParameters,
  namedTranslations,
} from '../../../shared/i18n/community';

const english = {
  'letsconnect-a': 'Hello $1, you have $2 {{PLURAL:$2|message|messages}}.',
  'letsconnect-b': 'Join',
};

describe('community translations: the check', () => {
  it('accepts keys of ours with the same placeholders, and lists the missing ones', () => {
    const page = JSON.stringify({
      '@metadata': { authors: ['X'] },
      'letsconnect-a': 'Hallo $1, du hast $2 {{PLURAL:$2|Nachricht|Nachrichten}}.',
    });
    expect(checkTranslations(page, english)).toEqual({
      messages: { 'letsconnect-a': 'Hallo $1, du hast $2 {{PLURAL:$2|Nachricht|Nachrichten}}.' },
      problems: [],
      missing: ['letsconnect-b'],
    });
  });

  it('refuses a wrong placeholder count, unknown keys, empty and non-text values, key by key', () => {
    const page = JSON.stringify({
      'letsconnect-a': 'Hallo $1',
      'letsconnect-b': '',
      'letsconnect-zzz': 'x',
    });
    const checked = checkTranslations(page, { ...english, 'letsconnect-c': 'C' });
    expect(checked.messages).toEqual({});
    expect(checked.problems).toEqual([
      { kind: 'parameters', key: 'letsconnect-a', expected: ['$1', '$2'], found: ['$1'] },
      { kind: 'not-text', key: 'letsconnect-b' },
      { kind: 'unknown-key', key: 'letsconnect-zzz' },
    ]);
    expect(checked.missing).toEqual(['letsconnect-a', 'letsconnect-b', 'letsconnect-c']);
    expect(checkTranslations(JSON.stringify({ 'letsconnect-b': 7 }), english).problems).toEqual([
      { kind: 'not-text', key: 'letsconnect-b' },
    ]);
  });

  it('refuses a page that is not a JSON object as a whole', () => {
    expect(checkTranslations('{"letsconnect-b": "x",}', english).problems[0]?.kind).toBe(
      'not-json',
    );
    expect(checkTranslations('["x"]', english).problems).toEqual([{ kind: 'not-object' }]);
    expect(checkTranslations('{"__proto__": "x", "constructor": "y"}', english).problems).toEqual([
      { kind: 'unknown-key', key: '__proto__' },
      { kind: 'unknown-key', key: 'constructor' },
    ]);
  });

  it('does not count keys the language already has from the repository as missing', () => {
    expect(checkTranslations('{}', english, new Set(['letsconnect-a'])).missing).toEqual([
      'letsconnect-b',
    ]);
  });

  it('reads placeholders as a set', () => {
    expect(messageParameters('$2 and $1 and $1 again')).toEqual(['$1', '$2']);
  });
});

describe('community translations: whose text counts', () => {
  const rev = (revid: number, user: string, page: object | string) => ({
    revid,
    user,
    content: typeof page === 'string' ? page : JSON.stringify(page),
  });

  it("keeps a named account's text when a temporary account or an IP changes it", () => {
    const result = namedTranslations([
      rev(1, 'Translator', { a: 'Hallo', b: 'Mitmachen' }),
      rev(2, '~2026-5', { a: 'VANDAL', b: 'Mitmachen' }),
      rev(3, '192.0.2.1', { a: 'VANDAL', b: 'Mitmachen', c: 'IP' }),
    ]);
    expect(JSON.parse(result.text)).toEqual({ a: 'Hallo', b: 'Mitmachen' });
    expect(result.revid).toBe(1);
    expect(result.passedOver.sort()).toEqual(['192.0.2.1', '~2026-5']);
  });

  it('does not adopt an unnamed edit when a named account later saves another key', () => {
    const result = namedTranslations([
      rev(1, 'Translator', { a: 'Hallo' }),
      rev(2, '~2026-5', { a: 'VANDAL' }),
      rev(3, 'Other Translator', { a: 'VANDAL', b: 'Neu' }),
    ]);
    expect(JSON.parse(result.text)).toEqual({ a: 'Hallo', b: 'Neu' });
    expect(result.passedOver).toEqual(['~2026-5']);
  });

  it("a named account's revert or removal counts; a broken named revision is reported", () => {
    expect(
      JSON.parse(
        namedTranslations([
          rev(1, 'Translator', { a: 'Hallo', b: 'x' }),
          rev(2, '~2026-5', { a: 'VANDAL', b: 'x' }),
          rev(3, 'Translator', { a: 'Hallo' }),
        ]).text,
      ),
    ).toEqual({ a: 'Hallo' });
    const broken = namedTranslations([
      rev(1, 'Translator', { a: 'Hallo' }),
      rev(2, 'Translator', '{oops'),
    ]);
    expect(checkTranslations(broken.text, english).problems[0]?.kind).toBe('not-json');
  });
});

describe('the German and Swahili drafts', () => {
  const en = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../../shared/i18n/en.json'), 'utf8'),
  ) as Record<string, string>;
  it.each(['de', 'sw'])('%s passes the check with no problem', (language) => {
    const text = fs.readFileSync(
      path.join(__dirname, `../../../scripts/seed/translations/${language}.json`),
      'utf8',
    );
    const checked = checkTranslations(text, en);
    expect(checked.problems).toEqual([]);
    expect(Object.keys(checked.messages).length).toBeGreaterThanOrEqual(30);
  });
});
