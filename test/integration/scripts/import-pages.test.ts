import { importPages } from '../../../scripts/seed/import-pages';
import { botClient, uniqueTitle, wiki } from '../../support/local-wiki';

describe("importPages (bulk seeding through MediaWiki's importer)", () => {
  it('creates the owners and attributes each page to its owner, with its text unchanged', async () => {
    const base = uniqueTitle('Import');
    const suffix = base.slice(-8);
    const pages = [
      {
        title: `${base}/One`,
        content: "{{Let's Connect/Profile|a=<b>&amp;</b>|b=~~~~ {{subst:x}}}}",
        user: `Importer A ${suffix}`,
      },
      { title: `${base}/Two`, content: 'Plain "text" & more', user: `Importer B ${suffix}` },
    ];
    const result = importPages(wiki, pages);
    expect(result).toEqual({ users: 2, pages: 2 });

    const client = await botClient();
    const read = await client.readPages(pages.map((p) => p.title));
    for (const page of pages) {
      const got = read.find((r) => r.title === page.title);
      expect(got).toMatchObject({ exists: true, user: page.user, content: page.content });
    }
  });
});
