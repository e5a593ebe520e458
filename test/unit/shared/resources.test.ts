import { expandLabelCalls } from '../../support/label-calls';
import { parseRecords } from '../../../shared/records/codec';
import { resourceCodec, type Resource } from '../../../shared/records/resource';
import { renderResourcesPage } from '../../../shared/reports/resources-page';
import {
  acceptResources,
  appendResource,
  indexResources,
  resourceProblems,
  resourcesFor,
  wikimediaHost,
} from '../../../shared/resources/centre';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { findTemplateCalls } from '../../../shared/wikitext/template-calls';

const item = (over: Partial<Resource> = {}): Resource => ({
  title: 'Budgets in practice',
  url: 'https://commons.wikimedia.org/wiki/File:Budgets.webm',
  page: '',
  kind: 'recording',
  topics: ['budget-development'],
  languages: ['en'],
  addedBy: 'Ana',
  added: '2026-02-01',
  description: '',
  ...over,
});

describe('links', () => {
  it('accepts https links on Wikimedia sites and Commons recordings', () => {
    for (const url of [
      'https://meta.wikimedia.org/wiki/Grants:Knowledge_Sharing',
      'https://upload.wikimedia.org/wikipedia/commons/a/ab/Clinic.webm',
      'https://es.wikipedia.org/wiki/Presupuesto',
      'https://www.wikidata.org/wiki/Q42',
      'https://www.mediawiki.org/wiki/Help:Contents',
    ]) {
      expect(wikimediaHost(url)).not.toBeNull();
    }
  });

  it('refuses other sites, http, look-alikes, credentials and characters that end a link', () => {
    for (const url of [
      'https://example.org/deck.pdf',
      'http://meta.wikimedia.org/wiki/X',
      'https://wikimedia.org.evil.com/x',
      'https://evilwikipedia.org/x',
      'https://user@meta.wikimedia.org/x',
      'https://meta.wikimedia.org/wiki/X]] [[Category:Spam',
      'https://meta.wikimedia.org/wiki/X|label',
      'javascript:alert(1)',
    ]) {
      expect(wikimediaHost(url)).toBeNull();
    }
    const problems = resourceProblems(item({ url: 'https://example.org/deck.pdf' }));
    expect(problems.map((p) => p.key)).toEqual(['letsconnect-resource-problem-site']);
  });

  it('asks the form for topic, language and kind, not hand-written items', () => {
    const bare = item({ topics: [], languages: [], kind: '' });
    expect(resourceProblems(bare)).toEqual([]);
    expect(resourceProblems(bare, undefined, true).map((p) => p.field)).toEqual([
      'topics',
      'languages',
      'kind',
    ]);
  });
});

describe('appendResource', () => {
  it('adds one call at the end and keeps everything before it', () => {
    const page = "Intro text.\n\n{{Let's Connect/Resource|title=Old|page=Grants:X}}\n\n";
    const next = appendResource(page, item({ title: 'New | {{x}}' }));
    expect(next.startsWith(page.trimEnd())).toBe(true);
    const records = parseRecords(resourceCodec, next).map((r) => r.record.title);
    expect(records).toEqual(['Old', 'New | {{x}}']);
    expect(appendResource('', item())).toMatch(/^\{\{Let's Connect\/Resource/);
  });
});

describe('acceptResources', () => {
  const rev = (revid: number, user: string, items: Resource[]) => ({
    revid,
    user,
    content: items.reduce((text, r) => appendResource(text, r), ''),
  });
  const a = item({ addedBy: 'Ana' });
  const b = item({ title: 'Press kit', addedBy: 'Bo', topics: ['social-media-press'] });
  const forged = item({ title: 'Forged', addedBy: 'Ana' });
  const offsite = item({ title: 'Off site', addedBy: 'Cy', url: 'https://example.org/x' });

  it('attributes each call to the revision that added it, not to later editors', () => {
    const { accepted, rejected } = acceptResources(
      [
        rev(1, 'Ana', [a]),
        rev(2, 'Bo', [a, b]),
        rev(3, 'Mallory', [a, b, forged]),
        rev(4, 'Cy', [a, b, forged, offsite]),
      ],
      (u) => u === 'Wendy',
    );
    expect(accepted.map((r) => [r.title, r.revid])).toEqual([
      ['Budgets in practice', 1],
      ['Press kit', 2],
    ]);
    expect(rejected.map((r) => [r.title, r.user, r.problems[0]!.key])).toEqual([
      ['Forged', 'Mallory', 'letsconnect-resource-problem-author'],
      ['Off site', 'Cy', 'letsconnect-resource-problem-site'],
    ]);
  });

  it("accepts what the working group adds in anyone's name, and drops removed items", () => {
    const { accepted } = acceptResources(
      [rev(1, 'Wendy', [forged, a]), rev(2, 'Wendy', [forged])],
      (u) => u === 'Wendy',
    );
    expect(accepted.map((r) => r.title)).toEqual(['Forged']);
  });

  it('an edited call is a new call by its editor', () => {
    const edited = { ...a, description: 'now with a note' };
    const { accepted, rejected } = acceptResources(
      [rev(1, 'Ana', [a]), rev(2, 'Bo', [edited])],
      () => false,
    );
    expect(accepted).toEqual([]);
    expect(rejected[0]).toMatchObject({ user: 'Bo', revid: 2 });
  });
});

describe('index and page', () => {
  const entries = acceptResources(
    [
      {
        revid: 5,
        user: 'Ana',
        content: [
          item(),
          item({ title: 'Guía', languages: ['es'], topics: ['budget-development', 'fundraising'] }),
          item({
            title: '}}{{nobots}} [[Category:Spam]]',
            topics: [],
            languages: [],
            page: 'Grants:X',
            url: '',
          }),
        ].reduce(appendResource, ''),
      },
    ],
    () => false,
  ).accepted;

  it('groups by topic and by language', () => {
    const { byTopic, byLanguage } = indexResources(entries);
    expect(byTopic.get('budget-development')!.map((r) => r.title)).toEqual([
      'Budgets in practice',
      'Guía',
    ]);
    expect(byTopic.get('')!).toHaveLength(1);
    expect([...byLanguage.keys()].sort()).toEqual(['', 'en', 'es']);
    expect(resourcesFor(entries, 'fundraising').map((r) => r.title)).toEqual(['Guía']);
  });

  it('renders sections per topic and language with values as text', () => {
    const t = (key: string, ...params: (string | number)[]) => `${key}(${params.join(',')})`;
    const text = renderResourcesPage(entries, [], {
      t,
      taxonomy: defaultTaxonomy(),
      topicLabel: (id) => `Label ${id}`,
      resourcesPage: 'R/Resources',
    });
    expect(text).toContain('=== Label budget-development ===');
    // Language names and the page's words are the label module's, in the reader's language.
    expect(text).toContain("=== {{#invoke:Let's Connect/Labels|languages|es}} ===");
    expect(text).toContain(
      '[https://commons.wikimedia.org/wiki/File:Budgets.webm Budgets in practice]',
    );
    expect(expandLabelCalls(text)).toContain(
      '3 resources from [[:R/Resources|the resource centre]], by topic and by language.',
    );
    const calls = findTemplateCalls(text, () => true);
    expect(calls.every((c) => c.name === "#invoke:Let's Connect/Labels")).toBe(true);
    expect(text).not.toContain('[[Category:Spam]]');
  });
});
