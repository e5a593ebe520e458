import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_KEYS } from '../../../shared/problems';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { topicCodec, type TopicRecord } from '../../../shared/records/topic';
import * as V from '../../../shared/records/vocabulary';
import { DEFAULT_CATEGORIES, DEFAULT_TOPICS } from '../../../shared/taxonomy/default-topics';
import {
  defaultTaxonomy,
  mergeTaxonomy,
  topicLabel,
  unknownTopicProblems,
} from '../../../shared/taxonomy/taxonomy';

const I18N = join(__dirname, '../../../shared/i18n');
const messages = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(I18N, `${lang}.json`), 'utf8')) as Record<string, string>;

const wikiTopic = (over: Partial<TopicRecord>): TopicRecord => ({
  id: 'hybrid-events',
  category: 'programmatic',
  labels: { en: 'Running hybrid events' },
  description: '',
  featured: false,
  retired: false,
  capx: [],
  ...over,
});

describe('default taxonomy', () => {
  it('has the five categories of the topics table, each with topics, and five top skills', () => {
    expect(DEFAULT_CATEGORIES).toHaveLength(5);
    for (const c of DEFAULT_CATEGORIES)
      expect(DEFAULT_TOPICS.some((t) => t.category === c)).toBe(true);
    expect(DEFAULT_TOPICS.filter((t) => t.featured)).toHaveLength(5);
  });

  it('has unique kebab-case ids', () => {
    const ids = DEFAULT_TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(V.KEBAB_ID);
  });
});

describe('messages', () => {
  const en = messages('en');
  const keys = [
    ...PROBLEM_KEYS,
    ...DEFAULT_CATEGORIES.map((c) => `letsconnect-category-${c}`),
    ...DEFAULT_TOPICS.map((t) => `letsconnect-topic-${t.id}`),
    ...V.REGIONS.map((r) => `letsconnect-region-${r}`),
    ...V.ROLES.map((r) => `letsconnect-role-${r}`),
    ...V.FORMATS.map((f) => `letsconnect-format-${f}`),
    ...V.EXPERIENCE_LEVELS.map((e) => `letsconnect-experience-${e}`),
  ];
  const languages = readdirSync(I18N)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace('.json', ''));

  it('ships English, qqq and at least four more languages, one right-to-left', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'qqq', 'ar', 'es', 'fr']));
    expect(languages.length).toBeGreaterThanOrEqual(6);
  });

  it.each(languages)('%s has every key en has, and no others', (lang) => {
    const m = messages(lang);
    for (const key of keys) expect(m[key]).toEqual(expect.any(String));
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(languages.filter((l) => l !== 'qqq'))(
    '%s keeps the parameters of each message',
    (lang) => {
      const m = messages(lang);
      for (const key of Object.keys(en).filter((k) => k !== '@metadata')) {
        const params = (s: string) => [...new Set(s.match(/\$[0-9]/g) ?? [])].sort();
        expect([key, params(m[key] ?? '')]).toEqual([key, params(en[key] ?? '')]);
      }
    },
  );
});

describe('merging on-wiki topics', () => {
  it('adds new topics, reads them from the Topics page format', () => {
    const page = serialiseRecord(topicCodec, wikiTopic({}));
    const records = parseRecords(topicCodec, page).map((r) => r.record);
    const { taxonomy, problems } = mergeTaxonomy(records);
    expect(problems).toEqual([]);
    expect(taxonomy.topics.get('hybrid-events')?.source).toBe('wiki');
    expect(taxonomy.topics.size).toBe(DEFAULT_TOPICS.length + 1);
  });

  it('lets the wiki relabel or retire a default topic but not move it', () => {
    const { taxonomy, problems } = mergeTaxonomy([
      wikiTopic({
        id: 'fundraising',
        category: 'technical',
        labels: { fa: 'جذب سرمایه' },
        retired: true,
      }),
    ]);
    const t = taxonomy.topics.get('fundraising');
    expect(t).toMatchObject({
      category: 'organisational',
      retired: true,
      labels: { fa: 'جذب سرمایه' },
    });
    expect(problems.map((p) => p.key)).toEqual(['letsconnect-problem-topic-category-conflict']);
  });

  it('reports duplicates, bad ids, unknown categories and missing labels', () => {
    const { problems } = mergeTaxonomy([
      wikiTopic({}),
      wikiTopic({ labels: { en: 'Again' } }),
      wikiTopic({ id: 'Bad Id' }),
      wikiTopic({ id: 'odd', category: 'astrology', labels: {} }),
    ]);
    expect(problems.map((p) => p.key)).toEqual([
      'letsconnect-problem-topic-duplicate',
      'letsconnect-problem-format',
      'letsconnect-problem-enum',
      'letsconnect-problem-topic-label-missing',
    ]);
  });

  it('reports unknown topic ids without dropping them', () => {
    const problems = unknownTopicProblems(defaultTaxonomy(), 'learn', ['fundraising', 'nope']);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'letsconnect-problem-topic-unknown',
        params: ['learn', 'nope'],
      }),
    ]);
  });
});

describe('topicLabel', () => {
  const es = messages('es');
  const lookup = (key: string) => es[key] ?? null;
  it('uses the message for a default topic, on-wiki labels for a new one, the id last', () => {
    const { taxonomy } = mergeTaxonomy([
      wikiTopic({ labels: { en: 'Hybrid', es: 'Híbridos' } }),
      wikiTopic({ id: 'bare', labels: {} }),
    ]);
    expect(topicLabel(taxonomy.topics.get('fundraising')!, ['es', 'en'], lookup)).toBe(
      'Recaudación de fondos',
    );
    expect(topicLabel(taxonomy.topics.get('hybrid-events')!, ['es', 'en'], lookup)).toBe(
      'Híbridos',
    );
    expect(topicLabel(taxonomy.topics.get('hybrid-events')!, ['ar'], () => null)).toBe('Hybrid');
    expect(topicLabel(taxonomy.topics.get('bare')!, ['ar'], () => null)).toBe('bare');
  });
});
