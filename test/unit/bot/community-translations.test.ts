import fs from 'node:fs';
import path from 'node:path';
import { botMessages, hasMessage, useCommunityTranslations } from '../../../bot/i18n';
import { renderMessage } from '../../../bot/notify/messages';
import { toDirectoryEntry } from '../../../shared/documents/documents';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { profileFixture } from '../support/profile-fixture';

const hostile = (
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../fixtures/hostile-strings.json'), 'utf8'),
  ) as { strings: string[] }
).strings.filter((s) => s.trim() !== '' && s.length < 1000);

afterEach(() => useCommunityTranslations(new Map()));

/** Wikitext that would do something: markup the escaper never leaves in a value. */
const MARKUP = /\{\{|\}\}|\[\[|\]\]|<[a-z/!]|~~~|''|__[A-Z]+__|^[*#:;]|\|/m;

describe("the bot's messages with the community's translations", () => {
  it('uses a community translation for its key, English for the others', () => {
    useCommunityTranslations(
      new Map([['de', { 'letsconnect-notice-talk-link': 'Diskussionsseite' }]]),
    );
    const { t } = botMessages('de');
    expect(t('letsconnect-notice-talk-link')).toBe('Diskussionsseite');
    expect(t('letsconnect-notice-email-link')).toBe('by email');
    expect(hasMessage('de', 'letsconnect-notice-talk-link')).toBe(true);
    expect(hasMessage('de', 'letsconnect-notice-email-link')).toBe(false);
  });

  it('applies PLURAL and puts our parameters (wikitext links) in after escaping the text', () => {
    useCommunityTranslations(
      new Map([
        [
          'de',
          {
            'letsconnect-notice-intro-sharer':
              'Hallo! Du teilst $2, und $1 {{PLURAL:$3|möchte|möchten}} es lernen.',
          },
        ],
      ]),
    );
    const { t } = botMessages('de');
    expect(t('letsconnect-notice-intro-sharer', '[[:User:A|A]]', 'Wikidata', 1)).toBe(
      'Hallo! Du teilst Wikidata, und [[:User:A|A]] möchte es lernen.',
    );
  });

  it.each(hostile)('a hostile translation %j is text in the wikitext, never markup', (value) => {
    const text = `${value} $1`;
    useCommunityTranslations(new Map([['de', { 'letsconnect-notice-intro-report': text }]]));
    const out = botMessages('de').t('letsconnect-notice-intro-report', 'PARAM');
    const [before, after] = out.split('PARAM');
    expect(after).toBe('');
    expect(before).not.toMatch(MARKUP);
  });

  it('shows a translation with <script> or {{…}} as text in an introduction on a talk page', () => {
    useCommunityTranslations(
      new Map([
        [
          'de',
          {
            'letsconnect-notice-intro-learner': '<script>alert(1)</script> {{Vorlage:X}} $1 $2',
            'letsconnect-notice-intro-todo': '[[Kategorie:Spam]] ~~~~',
          },
        ],
      ]),
    );
    const person = (username: string) =>
      toDirectoryEntry(
        profileFixture({ username, languages: [{ code: 'de', level: 'N' }], timezone: 'UTC' }),
        1,
      )!;
    const { body, language } = renderMessage(
      {
        kind: 'intro',
        key: 'intro:1:Anna',
        round: '2026-12',
        user: 'Anna',
        proposal: {
          id: '1',
          learners: ['Anna'],
          sharer: 'Bo',
          topic: 'wikidata-basics',
          format: '',
          languages: ['de'],
          score: null,
          reason: '',
          status: 'approved',
          reviewer: '',
          reviewed: '',
          note: '',
        },
      },
      {
        root: 'R',
        now: new Date('2026-12-01T00:00:00Z'),
        people: new Map([
          ['Anna', person('Anna')],
          ['Bo', person('Bo')],
        ]),
        taxonomy: defaultTaxonomy(),
      },
    );
    expect(language).toBe('de');
    expect(body).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &#123;&#123;Vorlage&#58;X&#125;&#125; [[:User:Bo|Bo]]',
    );
    expect(body).toContain("'''&#91;&#91;Kategorie");
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('[[Kategorie');
    expect(body.match(/~~~~/g)).toHaveLength(1); // the bot's own signature only
  });
});
