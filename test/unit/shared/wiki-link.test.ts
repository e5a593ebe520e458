/**
 * Links the bot writes to a page named by its input (a resource's page, a profile page, a
 * user): a category or file is linked, never added or shown, and nothing in the title is
 * read as markup before the link is (found by the reliability fuzz, scripts/reliability).
 */
import { renderMaintenancePage } from '../../../shared/reports/maintenance-page';
import { renderResourcesPage } from '../../../shared/reports/resources-page';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { linkTarget, unescapeValue, wikiLink } from '../../../shared/wikitext/escape';
import { safeLink } from '../../../bot/clinics/summary-page';

const t = (key: string, ...params: (string | number)[]) => `${key}(${params.join(',')})`;

describe('wikiLink', () => {
  it('links a category or file with a leading colon', () => {
    expect(wikiLink('Category:Spam', 'x')).toBe('[[:Category:Spam|x]]');
    expect(wikiLink('File:Evil.png')).toBe('[[:File:Evil.png|File&#58;Evil.png]]');
  });

  it('encodes signatures, behaviour switches and quotes in the target, as references', () => {
    const target = linkTarget("A~~~~__NOTOC__''b''")!;
    expect(target).not.toMatch(/~|__|''/);
    expect(unescapeValue(target)).toBe(":A~~~~__NOTOC__''b''");
  });

  it('writes only the label when the text cannot be a title', () => {
    expect(wikiLink('a]]b[[c', 'label')).toBe('label');
    expect(linkTarget('a\nb')).toBeNull();
    expect(linkTarget(' ')).toBeNull();
  });

  it('the resource index links a resource page without adding the page to it', () => {
    const text = renderResourcesPage(
      [
        {
          title: 'Spam',
          url: '',
          page: 'Category:Spam',
          kind: 'guide',
          topics: [],
          languages: [],
          addedBy: 'A~~~~',
          added: '2030-01-01',
          description: '',
          revid: 1,
        },
      ],
      [],
      { t, taxonomy: defaultTaxonomy(), topicLabel: (id) => id, resourcesPage: 'R/Resources' },
    );
    expect(text).not.toContain('[[Category:Spam');
    expect(text).toContain('[[:Category:Spam|Spam]]');
    expect(text).not.toContain('~~~');
  });

  it('R/Maintenance does not sign itself when a page title holds tildes', () => {
    const text = renderMaintenancePage(
      [{ page: 'R/Participants/X~~~~', problem: 'p', since: '2030-01-01', severity: 'error' }],
      t,
    );
    expect(text).not.toContain('~~~');
  });

  it("a clinic summary's material links a page, never a category", () => {
    expect(safeLink('', 'Category:Spam', 'x')).toBe('[[:Category:Spam|x]]');
    expect(safeLink('', 'Foo~~~~', 'x')).not.toContain('~~~');
  });
});
