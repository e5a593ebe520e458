import { toDirectoryEntry } from '../../../shared/documents/documents';
import { parseSingleRecord } from '../../../shared/records/codec';
import { profileCodec } from '../../../shared/records/profile';
import { renderDirectoryPages } from '../../../shared/reports/directory-page';
import { renderMaintenancePage } from '../../../shared/reports/maintenance-page';
import { generateSamplePages } from '../../../shared/sample/generate';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { LABEL_MODULE } from '../../../shared/labels/labels';
import { findTemplateCalls } from '../../../shared/wikitext/template-calls';

const t = (key: string, ...params: (string | number)[]) => `${key}(${params.join(',')})`;
const entries = (n: number) =>
  generateSamplePages({ profiles: n })
    .filter((p) => p.title.includes('/Participants/'))
    .map((p) =>
      toDirectoryEntry(
        {
          ...parseSingleRecord(profileCodec, p.content).parsed!.record,
          listed: true,
          withdrawn: false,
        },
        1,
      )!,
    );
const options = {
  taxonomy: defaultTaxonomy(),
  messages: () => null,
  t,
  topicPageTitle: (id: string, part: number) => `R/Directory/${id}${part > 1 ? `/${part}` : ''}`,
};
const HOSTILE = '}}{{nobots}}|x=y [[Category:Spam]] <script>alert(1)</script> ~~~~ \n* item';

describe('renderDirectoryPages', () => {
  it('gives every topic someone shares or learns its own page, linked from the overview', () => {
    const list = entries(50);
    const { overview, topicPages } = renderDirectoryPages(list, options);
    const used = new Set(list.flatMap((e) => [...e.learn, ...e.share]));
    const known = [...used].filter((id) => defaultTaxonomy().topics.has(id));
    expect(topicPages.map((p) => p.title).sort()).toEqual(
      known.map((id) => `R/Directory/${id}`).sort(),
    );
    for (const id of known) expect(overview).toContain(`[[R/Directory/${id}|`);
    const someone = list.find((e) => e.share.length > 0)!;
    expect(topicPages.find((p) => p.title === `R/Directory/${someone.share[0]}`)!.text).toContain(
      `[[:User:${someone.username}|`,
    );
  });

  it('splits a topic that outgrows a page into parts, each a whole table under the limit', () => {
    const { topicPages } = renderDirectoryPages(entries(400), { ...options, maxBytes: 6_000 });
    const parts = topicPages.filter((p) => /\/\d+$/.test(p.title));
    expect(parts.length).toBeGreaterThan(0);
    for (const page of topicPages) {
      expect(new TextEncoder().encode(page.text).length).toBeLessThanOrEqual(6_000);
      expect(page.text.match(/\{\|/g)).toHaveLength(1);
      expect(page.text.trimEnd()).toMatch(/\|\}(\n\n?\[\[[^\]]+\]\])?$/);
    }
  });

  it('keeps what people typed as text: no template, link, category or tag escapes its cell', () => {
    const [first] = entries(1);
    const hostile = {
      ...first!,
      region: HOSTILE as never,
      groups: [{ group: HOSTILE, role: '' as const }],
    };
    const { topicPages } = renderDirectoryPages([hostile], options);
    for (const page of topicPages) {
      // The only calls are the label module's, each argument one escaped value (a message's
      // numbered parameters may hold another of the module's calls, checked on its own).
      const calls = findTemplateCalls(page.text, () => true);
      expect(calls.length).toBeGreaterThan(0);
      const nested = /\{\{#invoke:Let's Connect\/Labels\|[^{}]*\}\}/g;
      for (const call of calls) {
        expect(call.name).toBe(`#invoke:${LABEL_MODULE}`);
        for (const param of call.params) {
          expect(param.name === null || /^[2-9]$/.test(param.name)).toBe(true);
          expect(param.raw.replace(nested, '')).not.toMatch(/[{}[\]<>|=]/);
        }
      }
      expect(page.text).not.toContain('[[Category:');
      expect(page.text).not.toContain('<script>');
      // One row: the header line and one cell line, whatever the values held.
      expect(page.text.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(1);
    }
  });
});

describe('renderMaintenancePage', () => {
  it('writes a sortable table whose problem cells cannot break the page', () => {
    const text = renderMaintenancePage(
      [{ page: 'R/Participants/A', problem: HOSTILE, since: '2026-01-02', severity: 'error' }],
      t,
    );
    expect(text).toContain('class="wikitable sortable letsconnect-maintenance"');
    expect(findTemplateCalls(text, () => true)).toEqual([]);
    expect(text).not.toContain('<script>');
    expect(text.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(1);
  });
});
