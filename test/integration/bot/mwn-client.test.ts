import { EditConflictError } from '../../../bot/wiki/errors';
import { WriteRefusedError } from '../../../bot/wiki/write-policy';
import { botClient, uniqueTitle } from '../../support/local-wiki';

describe('MwnWikiClient against the real wiki', () => {
  it('creates, reads, skips an unchanged save, and refuses to overwrite a newer edit', async () => {
    const client = await botClient();
    const title = uniqueTitle('Client');
    const created = await client.save(title, 'one', 'test', null);
    expect(created.nochange).toBe(false);

    const [page] = await client.readPages([title]);
    expect(page).toMatchObject({
      exists: true,
      revid: created.revid,
      content: 'one',
      user: 'LetsConnectBot',
    });

    const same = await client.save(title, 'one', 'test', created.revid);
    expect(same.nochange).toBe(true);

    const second = await client.save(title, 'two\nlines', 'test', created.revid);
    expect(second.revid).toBeGreaterThan(created.revid);
    // A writer still holding the first revision must not overwrite "two".
    await expect(client.save(title, 'three', 'test', created.revid)).rejects.toBeInstanceOf(
      EditConflictError,
    );
    // Creating a page that exists is a conflict too.
    await expect(client.save(title, 'again', 'test', null)).rejects.toBeInstanceOf(
      EditConflictError,
    );
    const [after] = await client.readPages([title]);
    expect(after?.content).toBe('two\nlines');
  });

  it('refuses to write outside the program root and its own user space, before any request', async () => {
    const client = await botClient();
    const before = client.stats.requests;
    await expect(client.save('Main Page', 'x', 'test', null)).rejects.toBeInstanceOf(
      WriteRefusedError,
    );
    await expect(client.save('MediaWiki:Common.js', 'x', 'test', null)).rejects.toBeInstanceOf(
      WriteRefusedError,
    );
    expect(client.stats.requests).toBe(before);
  });

  it('lists every page under a prefix, and reads many pages in one request', async () => {
    const client = await botClient();
    const prefix = uniqueTitle('List');
    const titles = Array.from({ length: 12 }, (_, i) => `${prefix}/${i}`);
    for (const t of titles) await client.save(t, `page ${t}`, 'test', null);
    const listed = await client.listPages(200, prefix.replace(/^Grants:/, ''));
    expect(listed.sort()).toEqual([...titles].sort());

    const before = client.stats.requests;
    const pages = await client.readPages([...titles, `${prefix}/missing`]);
    expect(client.stats.requests - before).toBe(1);
    expect(pages.filter((p) => p.exists)).toHaveLength(12);
    expect(pages.find((p) => p.title.endsWith('/missing'))?.exists).toBe(false);
  });

  it("reads pages whose texts together pass the API's 8 MiB response cap, every text whole", async () => {
    const client = await botClient();
    const prefix = uniqueTitle('Large');
    // Five pages of 1.9 MB: one response cannot carry them all, MediaWiki continues the rest.
    const titles = Array.from({ length: 5 }, (_, i) => `${prefix}/${i}`);
    const texts = titles.map((_, i) => `${i}`.repeat(1_900_000));
    for (const [i, t] of titles.entries()) await client.save(t, texts[i]!, 'test', null);
    const pages = await client.readPages(titles);
    expect(pages).toHaveLength(5);
    for (const [i, t] of titles.entries()) {
      expect(pages.find((p) => p.title === t)?.content?.length).toBe(texts[i]!.length);
    }
  }, 120_000);
});
