import { wiki } from '../../support/local-wiki';

/** The local wiki must look like Meta where the program depends on it. */
async function api(params: Record<string, string>): Promise<Record<string, unknown>> {
  const url = `${wiki.apiUrl}?${new URLSearchParams({ format: 'json', formatversion: '2', ...params })}`;
  const res = await fetch(url);
  expect(res.ok).toBe(true);
  return (await res.json()) as Record<string, unknown>;
}

describe('the local wiki', () => {
  it('runs MediaWiki 1.39 on SQLite with the Grants namespace (200/201) and subpages', async () => {
    const body = await api({ action: 'query', meta: 'siteinfo', siprop: 'general|namespaces' });
    const query = body.query as {
      general: { generator: string; dbtype: string };
      namespaces: Record<string, { name: string; subpages: boolean }>;
    };
    expect(query.general.generator).toMatch(/^MediaWiki 1\.39\./);
    expect(query.general.dbtype).toBe('sqlite');
    expect(query.namespaces['200']).toMatchObject({ name: 'Grants', subpages: true });
    expect(query.namespaces['201']).toMatchObject({ name: 'Grants talk', subpages: true });
  });

  it('has the extensions Meta runs for the program: Gadgets, ParserFunctions, Scribunto, TemplateData', async () => {
    const body = await api({ action: 'query', meta: 'siteinfo', siprop: 'extensions' });
    const names = (body.query as { extensions: { name: string }[] }).extensions.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['Gadgets', 'ParserFunctions', 'Scribunto', 'TemplateData']),
    );
  });

  it('parses ParserFunctions and runs Lua', async () => {
    const body = await api({
      action: 'parse',
      contentmodel: 'wikitext',
      text: '{{#if: x | yes | no }} {{#invoke:Nonexistent|f}}',
      prop: 'text',
    });
    const html = (body.parse as { text: string }).text;
    expect(html).toContain('yes');
    // Scribunto answers (a script error about the missing module), proving #invoke is wired.
    expect(html).toMatch(/scribunto-error|Script error/);
  });

  it('serves Vue 3.5 and Codex 2.x from ResourceLoader, as Meta does', async () => {
    const res = await fetch(
      `${wiki.server}/load.php?modules=vue|@wikimedia/codex&only=scripts&lang=en`,
    );
    const js = await res.text();
    expect(js).toContain('mw.loader.implement("vue');
    // Vue's build carries its version; MediaWiki 1.39's own is the 3.2 compat build.
    expect(js).toMatch(/"3\.5\.\d+"/);
    expect(js).toContain('createMwApp');
    // Codex carries no version string: MultiselectLookup exists in Codex 2.x, not in 1.39's 0.x.
    expect(js).toContain('CdxMultiselectLookup');
  });
});
