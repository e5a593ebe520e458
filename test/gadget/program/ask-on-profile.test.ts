/**
 * "Ask to connect" on another participant's profile page: offered under the directory card's
 * rule, saved on the reader's own requests page; not offered on one's own page, to a person
 * snoozed or with requests off, nor to a reader who is not listed or not logged in.
 */
import { flushPromises } from '@vue/test-utils';
import { CdxDialog, CdxRadio } from '@wikimedia/codex';
import { requestsPageItems } from '../../../shared/connections/requests-page';
import type { Profile } from '../../../shared/records/profile';
import { profilePageTitle, requestsPageTitle } from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { mountProgram } from './mount-program';
import { profileFixture } from '../../unit/support/profile-fixture';
import { directoryPages, entriesOf } from '../support/directory-fixture';
import { FakeWiki } from '../support/fake-wiki';

afterEach(() => {
  document.body.innerHTML = '';
});

const READER = 'Ann';

function wikiWith(bee: Partial<Profile> = {}, readerListed = true): FakeWiki {
  const wiki = new FakeWiki(READER);
  const people = [
    profileFixture({ username: 'Bee', share: ['fundraising'], ...bee }),
    // A big enough directory for several shards: only the ones holding Ann and Bee are read.
    ...Array.from({ length: 60 }, (_, i) =>
      profileFixture({ username: `Zz${String(i).padStart(2, '0')}`, about: 'x'.repeat(400) }),
    ),
    ...(readerListed ? [profileFixture({ username: READER, learn: ['fundraising'] })] : []),
  ];
  for (const [title, content] of directoryPages(entriesOf(people), 4000)) wiki.put(title, content);
  return wiki;
}

const mountOn = (wiki: FakeWiki, owner: string, username: string | null = READER) =>
  mountProgram(wiki, username, {
    pageTitle: profilePageTitle(DEFAULT_ROOT, owner),
    env: { reader: { username, temporary: false } },
    attach: true,
  });

const askButton = (w: Awaited<ReturnType<typeof mountOn>>) =>
  w.find('.letsconnect-ask-profile__button');

describe('Ask to connect on a profile page', () => {
  it('asks the page’s owner from their profile, saving on the reader’s own requests page', async () => {
    const wiki = wikiWith();
    const w = await mountOn(wiki, 'Bee');
    // Of the directory's many shards, only the one holding Ann and Bee is read.
    const shards = wiki.reads.flat().filter((t) => /Directory\/\d+\.json$/.test(t));
    expect(shards).toEqual([`User:${DEFAULT_BOT_NAME}/Directory/0.json`]);
    expect(wiki.pages.has(`User:${DEFAULT_BOT_NAME}/Directory/3.json`)).toBe(true);
    expect(askButton(w).text()).toBe('Ask to connect');
    await askButton(w).trigger('click');
    await flushPromises();
    const dialog = w.findComponent(CdxDialog);
    expect(dialog.props('open')).toBe(true);
    expect(dialog.props('title')).toBe('Ask Bee to connect');
    const topic = w.findAllComponents(CdxRadio).find((r) => r.text().includes('Fundraising'));
    expect(topic).toBeDefined();
    topic!.vm.$emit('update:modelValue', topic!.props('inputValue'));
    dialog.vm.$emit('primary');
    await flushPromises();
    const saved = wiki.saves.find((s) => s.title === requestsPageTitle(DEFAULT_ROOT, READER));
    expect(saved).toBeDefined();
    expect(requestsPageItems(saved!.content).requests).toEqual([
      expect.objectContaining({ to: 'Bee', topic: 'fundraising', direction: 'learn' }),
    ]);
  });

  it('is not offered where the directory card would not offer it', async () => {
    const cases: Array<[string, FakeWiki, string, string | null]> = [
      ['own page', wikiWith(), READER, READER],
      ['snoozed', wikiWith({ snoozeUntil: '2025-07-01' }), 'Bee', READER],
      ['requests off', wikiWith({ requestsOff: true }), 'Bee', READER],
      ['reader not listed', wikiWith({}, false), 'Bee', READER],
      ['not in the directory', wikiWith(), 'Nobody', READER],
      ['logged out', wikiWith(), 'Bee', null],
    ];
    for (const [why, wiki, owner, username] of cases) {
      const w = await mountOn(wiki, owner, username);
      expect({ why, button: askButton(w).exists() }).toEqual({ why, button: false });
      w.unmount();
    }
  });
});
