/**
 * "Best for me": a listed reader sorts the directory by the matcher's own pair score with
 * them, and each card says why in words; others are not offered the order.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import { EMPTY_QUERY, type DirectoryQuery } from '../../../shared/directory/query';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import { fitsFor } from '../../../shared/matching/fit';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { DirectoryView, PAGE_SIZE } from '../../../gadget/views/directory/DirectoryView';
import { LOGGED_OUT, loadDirectory, type Reader } from '../../../gadget/kit';
import { profileFixture } from '../../unit/support/profile-fixture';
import { directoryPages, entriesOf, sampleEntries } from '../support/directory-fixture';
import { withEnv } from '../support/env';
import { FakeWiki } from '../support/fake-wiki';

/** In Bogotá, Spanish, one-to-one: each person spells out only what makes them differ. */
const person = (username: string, over: Parameters<typeof profileFixture>[0] = {}) =>
  profileFixture({
    username,
    timezone: 'America/Bogota',
    availability: [{ days: 'weekdays', from: 18, to: 21 }],
    connectionsPerMonth: 0,
    ...over,
  });

const handMade = entriesOf([
  person('Reader', {
    learn: ['budget-development'],
    share: ['wikidata-basics'],
    connectionsPerMonth: 1,
  }),
  person('Aurelio', { share: ['budget-development'], connectionsPerMonth: 1 }),
  person('Bruna', {
    share: ['budget-development'],
    connectionsPerMonth: 1,
    availability: [{ days: 'weekdays', from: 20, to: 21 }],
  }),
  person('Chen', { learn: ['wikidata-basics'] }),
  person('Dara', {
    share: ['budget-development'],
    languages: [{ code: 'fi', level: 'N' }],
    connectionsPerMonth: 1,
  }),
]);

async function mountView(
  entries: DirectoryEntry[],
  reader: Reader,
  initialQuery: DirectoryQuery = EMPTY_QUERY,
) {
  const wiki = new FakeWiki('LetsConnectBot');
  for (const [title, content] of directoryPages(entries)) wiki.put(title, content);
  const w = mount(DirectoryView, {
    props: { load: () => loadDirectory(wiki, DEFAULT_ROOT, DEFAULT_BOT_NAME), initialQuery },
    ...withEnv({ reader }),
  });
  await flushPromises();
  return w;
}
type View = Awaited<ReturnType<typeof mountView>>;

const sortMenu = (w: View) =>
  w.get('.letsconnect-filters__sort').findComponent(CdxSelect).props('menuItems') as Array<{
    value: string;
  }>;
async function sortBy(w: View, value: string) {
  w.get('.letsconnect-filters__sort').findComponent(CdxSelect).vm.$emit('update:selected', value);
  await flushPromises();
}
const cards = (w: View) =>
  w.findAll('.letsconnect-card').map((c) => ({
    name: c.get('.letsconnect-card__name').text(),
    fit: c.find('.letsconnect-card__fit').exists() ? c.get('.letsconnect-card__fit').text() : '',
  }));

describe('Best for me', () => {
  it('puts who fits the reader first and says why in words, in the reader’s direction', async () => {
    const w = await mountView(handMade, { username: 'Reader', temporary: false });
    expect(sortMenu(w).map((i) => i.value)).toContain('best');
    await sortBy(w, 'best');
    expect(cards(w)).toEqual([
      {
        name: 'Aurelio',
        fit: 'Fits you: shares Budget development; you both speak Spanish; 15 hours a week in common',
      },
      // The same points as Aurelio (both exact, the same hours): by name.
      {
        name: 'Chen',
        fit: 'Fits you: wants to learn Basic Wikidata use, which you share; you both speak Spanish; 15 hours a week in common',
      },
      {
        name: 'Bruna',
        fit: 'Fits you: shares Budget development; you both speak Spanish; 5 hours a week in common',
      },
      // No common language: no fit, after the others. The reader's own card stays listed.
      { name: 'Dara', fit: '' },
      { name: 'Reader', fit: '' },
    ]);
    expect(w.emitted('update:query')!.at(-1)![0]).toMatchObject({ sort: 'best' });
    // Back to by name: no reasons on the cards.
    await sortBy(w, 'name');
    expect(cards(w).map((c) => c.fit)).toEqual(['', '', '', '', '']);
  });

  it('orders a large directory by the matcher’s own score', async () => {
    const entries = sampleEntries(120);
    const me = entries.find((e) => e.learn.length > 0 && e.snoozeUntil === '')!;
    const w = await mountView(entries, { username: me.username, temporary: false });
    await sortBy(w, 'best');
    const fits = fitsFor(me.username, entries, '2025-06');
    expect(fits.size).toBeGreaterThan(3);
    const shown = cards(w).map((c) => c.name);
    expect(shown).toHaveLength(PAGE_SIZE);
    const scores = shown.map((name) => fits.get(name)?.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(Math.max(...[...fits.values()].map((f) => f.score)));
    expect(cards(w)[0]?.fit).toMatch(/^Fits you: /);
  });

  it('is not offered to a reader who is not listed, and a shared link falls back to names', async () => {
    for (const reader of [LOGGED_OUT, { username: 'Stranger', temporary: false }]) {
      const w = await mountView(handMade, reader, { ...EMPTY_QUERY, sort: 'best' });
      expect(sortMenu(w).map((i) => i.value)).not.toContain('best');
      expect(cards(w).map((c) => c.name)).toEqual(['Aurelio', 'Bruna', 'Chen', 'Dara', 'Reader']);
      expect(cards(w).every((c) => c.fit === '')).toBe(true);
    }
  });

  it('says what to add when no one fits the reader', async () => {
    const w = await mountView(handMade, { username: 'Dara', temporary: false });
    await sortBy(w, 'best');
    expect(w.get('.letsconnect-directory__no-fit').text()).toContain(
      'No one in the directory fits',
    );
  });
});
