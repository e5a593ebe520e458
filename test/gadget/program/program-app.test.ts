import { flushPromises } from '@vue/test-utils';
import { profilePageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { serialiseRecord } from '../../../shared/records/codec';
import { profileCodec } from '../../../shared/records/profile';
import { newProfile } from '../../../gadget/views/profile-form/form-model';
import { mountProgram } from './mount-program';
import { withEnv } from '../support/env';
import { TEMPORARY, expectPromptFor } from '../support/temporary-reader';
import { FakeWiki } from '../support/fake-wiki';

const mountApp = (
  wiki: FakeWiki,
  username: string | null,
  navigate = jest.fn(),
  env: Parameters<typeof withEnv>[0] = {},
) => mountProgram(wiki, username, { navigate, env });

describe('ProgramApp', () => {
  it('sends a reader who is not logged in to the login page, coming back here', async () => {
    const navigate = jest.fn();
    const wiki = new FakeWiki();
    const w = await mountApp(wiki, null, navigate);
    expect(wiki.reads).toHaveLength(0);
    expect(w.get('button').text()).toBe("Join Let's Connect");
    await w.get('button').trigger('click');
    expect(navigate).toHaveBeenCalledWith(
      `/wiki/Special%3AUserLogin?returnto=${encodeURIComponent(DEFAULT_ROOT).replace(/%20/g, '+')}`,
    );
  });

  it('offers to join, then opens the registration form with one request', async () => {
    const wiki = new FakeWiki('Amani Wikimedian');
    const w = await mountApp(wiki, 'Amani Wikimedian');
    expect(w.get('button').text()).toBe("Join Let's Connect");
    await w.get('button').trigger('click');
    await flushPromises();
    expect(w.get('h2').text()).toBe("Join Let's Connect");
    expect(wiki.reads).toHaveLength(1);
  });

  it('says "Edit my profile" to a registered person, and Cancel goes back', async () => {
    const wiki = new FakeWiki('Amani Wikimedian');
    wiki.put(
      profilePageTitle(DEFAULT_ROOT, 'Amani Wikimedian'),
      serialiseRecord(profileCodec, { ...newProfile('Amani Wikimedian', 'UTC'), listed: true }),
    );
    const w = await mountApp(wiki, 'Amani Wikimedian');
    expect(w.get('button').text()).toBe('Edit my profile');
    await w.get('button').trigger('click');
    await flushPromises();
    expect(w.get('h2').text()).toBe("Edit my Let's Connect profile");
    await w
      .findAll('button')
      .find((b) => b.text() === 'Cancel')!
      .trigger('click');
    expect(w.get('h2').text()).toBe("Let's Connect");
  });

  it('offers a temporary account no Join, but why, with links to log in or create an account', async () => {
    const navigate = jest.fn();
    const wiki = new FakeWiki();
    const w = await mountApp(wiki, null, navigate, { reader: TEMPORARY });
    expect(w.findAll('button')).toHaveLength(0);
    expect(w.get('h2').text()).toBe("Let's Connect");
    expectPromptFor(w.element, DEFAULT_ROOT);
    expect(wiki.reads).toHaveLength(0);
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('ProgramApp, on a slow wiki', () => {
  it('opens the form once the read started on load ends, without reading the pages again', async () => {
    const wiki = new FakeWiki('Amani Wikimedian');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = wiki.readPages.bind(wiki);
    // The first read (on load) waits until the test lets it go.
    jest.spyOn(wiki, 'readPages').mockImplementation(async (titles) => {
      const pages = await read(titles);
      await held;
      return pages;
    });
    const w = await mountApp(wiki, 'Amani Wikimedian');
    await w.get('button').trigger('click');
    await flushPromises();
    expect(w.find('form').exists()).toBe(false);
    release();
    await flushPromises();
    expect(w.get('h2').text()).toBe("Join Let's Connect");
    expect(wiki.reads).toHaveLength(1);
  });
});
