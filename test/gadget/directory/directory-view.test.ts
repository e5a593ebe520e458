import { flushPromises, mount } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import { EMPTY_QUERY, type DirectoryQuery } from '../../../shared/directory/query';
import { resourcesDataTitle, resourcesPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT, DEFAULT_BOT_NAME } from '../../../shared/program';
import { serialiseRecord } from '../../../shared/records/codec';
import { resourceCodec } from '../../../shared/records/resource';
import { DirectoryView, PAGE_SIZE } from '../../../gadget/views/directory/DirectoryView';
import { loadDirectory } from '../../../gadget/kit';
import { directoryPages, sampleEntries } from '../support/directory-fixture';
import { withEnv } from '../support/env';
import { FakeWiki } from '../support/fake-wiki';

const entries = sampleEntries(120);

function wikiWith(pages: Map<string, string>): FakeWiki {
  const wiki = new FakeWiki('LetsConnectBot');
  for (const [title, content] of pages) wiki.put(title, content);
  return wiki;
}

async function mountView(wiki: FakeWiki, initialQuery: DirectoryQuery = EMPTY_QUERY) {
  const wrapper = mount(DirectoryView, {
    props: { load: () => loadDirectory(wiki, DEFAULT_ROOT, DEFAULT_BOT_NAME), initialQuery },
    ...withEnv(),
  });
  await flushPromises();
  return wrapper;
}

const countText = (w: Awaited<ReturnType<typeof mountView>>) =>
  w.get('.letsconnect-directory__count').text();
const cardNames = (w: Awaited<ReturnType<typeof mountView>>) =>
  w.findAll('.letsconnect-card__name').map((n) => n.text());

/** Picks a value in the Codex select of one filter, as a person choosing from its menu would. */
async function choose(w: Awaited<ReturnType<typeof mountView>>, filter: string, value: string) {
  const select = w.get(`.letsconnect-filters__${filter}`).findComponent(CdxSelect);
  select.vm.$emit('update:selected', value);
  await flushPromises();
}

describe('DirectoryView', () => {
  it('loads the index and every shard in two requests and shows the first page of cards', async () => {
    const wiki = wikiWith(directoryPages(entries, 20_000));
    const w = await mountView(wiki);
    expect(wiki.reads).toHaveLength(2);
    expect(wiki.reads[1]!.length).toBeGreaterThan(1); // several shards, one request
    expect(countText(w)).toContain(`${entries.length} people found.`);
    expect(cardNames(w)).toEqual(entries.slice(0, PAGE_SIZE).map((e) => e.username));
    expect(w.text()).not.toContain('⧼');
  });

  it('filters by topic on either side, then by learn or share only, and puts each change in an event for the URL', async () => {
    const w = await mountView(wikiWith(directoryPages(entries)));
    await choose(w, 'topic', 'fundraising');
    const either = entries.filter(
      (e) => e.share.includes('fundraising') || e.learn.includes('fundraising'),
    );
    expect(countText(w)).toContain(`${either.length} people found.`);
    await choose(w, 'side', 'share');
    const sharers = entries.filter((e) => e.share.includes('fundraising'));
    expect(sharers.length).toBeGreaterThan(0);
    expect(sharers.length).toBeLessThan(either.length);
    expect(cardNames(w)).toEqual(sharers.slice(0, PAGE_SIZE).map((e) => e.username));
    const last = w.emitted('update:query')!.at(-1)![0] as DirectoryQuery;
    expect(last).toMatchObject({ topic: 'fundraising', side: 'share' });
  });

  it('combines free text with filters: a name, a group, a topic label', async () => {
    const person = entries.find((e) => e.groups.length > 0)!;
    const w = await mountView(wikiWith(directoryPages(entries)), {
      ...EMPTY_QUERY,
      text: person.username.toUpperCase(),
    });
    expect(cardNames(w)).toContain(person.username);
    const input = w.get('.letsconnect-filters__text input');
    await input.setValue('volunteer management');
    const expected = entries.filter(
      (e) => e.learn.includes('volunteer-management') || e.share.includes('volunteer-management'),
    );
    expect(countText(w)).toContain(`${expected.length} people found.`);
    await choose(w, 'region', person.region);
    const both = expected.filter((e) => e.region === person.region);
    expect(countText(w)).toContain(`${both.length} ${both.length === 1 ? 'person' : 'people'}`);
  });

  it('shows an empty state that suggests widening the search, and clears every filter', async () => {
    const w = await mountView(wikiWith(directoryPages(entries)), {
      ...EMPTY_QUERY,
      text: 'no such person anywhere',
      region: 'na',
    });
    expect(w.find('.letsconnect-results').exists()).toBe(false);
    expect(w.get('.letsconnect-empty').text()).toContain('remove a filter');
    await w.get('.letsconnect-empty button').trigger('click');
    expect(countText(w)).toContain(`${entries.length} people found.`);
    expect(w.emitted('update:query')!.at(-1)![0]).toEqual(EMPTY_QUERY);
  });

  it('renders more cards on request, never all at once', async () => {
    const w = await mountView(wikiWith(directoryPages(entries)));
    expect(cardNames(w)).toHaveLength(PAGE_SIZE);
    await w.get('.letsconnect-directory__more').trigger('click');
    expect(cardNames(w)).toHaveLength(PAGE_SIZE * 2);
  });

  it('lists the resources the bot accepted for the chosen topic', async () => {
    const pages = directoryPages(entries);
    const resource = (title: string, topics: string[]) => ({
      title,
      url: 'https://meta.wikimedia.org/wiki/Learning_patterns',
      page: '',
      kind: 'guide',
      topics,
      languages: ['en'],
      addedBy: 'Ana',
      added: '',
      description: '',
      revid: 1,
    });
    pages.set(
      resourcesDataTitle(DEFAULT_BOT_NAME),
      JSON.stringify({
        schemaVersion: 1,
        kind: 'resources',
        generated: '2025-05-01T00:00:00Z',
        root: DEFAULT_ROOT,
        lastrevid: 1,
        resources: [
          resource('Budgets in practice', ['budget-development']),
          resource('Press kit', ['social-media-press']),
        ],
      }),
    );
    // What is on R/Resources itself is not trusted until the bot has checked it.
    pages.set(
      resourcesPageTitle(DEFAULT_ROOT),
      serialiseRecord(resourceCodec, {
        ...resource('Unchecked', ['budget-development']),
        kind: 'guide',
        url: 'https://example.org/x',
      }),
    );
    const w = await mountView(wikiWith(pages), { ...EMPTY_QUERY, topic: 'budget-development' });
    const list = w.get('.letsconnect-resources');
    expect(list.text()).toContain('Budgets in practice');
    expect(list.text()).not.toContain('Press kit');
    expect(list.text()).not.toContain('Unchecked');
    await choose(w, 'topic', '');
    expect(w.find('.letsconnect-resources').exists()).toBe(false);
  });

  it('says so when the bot has not built the directory yet', async () => {
    const w = await mountView(new FakeWiki());
    expect(w.text()).toContain('has not been built yet');
    expect(w.find('.letsconnect-filters').exists()).toBe(false);
  });

  it('reports a failed load in words and retries on request', async () => {
    let calls = 0;
    const wiki = wikiWith(directoryPages(entries));
    const w = mount(DirectoryView, {
      props: {
        load: () => {
          calls++;
          if (calls === 1) return Promise.reject(new Error('http'));
          return loadDirectory(wiki, DEFAULT_ROOT, DEFAULT_BOT_NAME);
        },
      },
      ...withEnv(),
    });
    await flushPromises();
    expect(w.text()).toContain('The directory could not be loaded: http');
    await w.get('.cdx-message button').trigger('click');
    await flushPromises();
    expect(countText(w)).toContain(`${entries.length} people found.`);
  });
});
