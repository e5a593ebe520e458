import { flushPromises, mount } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import type { ResourceEntry } from '../../../shared/documents/documents';
import { resourcesPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords } from '../../../shared/records/codec';
import { resourceCodec } from '../../../shared/records/resource';
import { appendResource } from '../../../shared/resources/centre';
import { ResourceForm } from '../../../gadget/views/resources/ResourceForm';
import { TopicResources } from '../../../gadget/views/resources/TopicResources';
import { withEnv } from '../support/env';
import { TEMPORARY, expectPromptFor } from '../support/temporary-reader';
import { FakeWiki } from '../support/fake-wiki';

const TITLE = resourcesPageTitle(DEFAULT_ROOT);

function mountForm(
  wiki: FakeWiki,
  username: string | null = 'Ana',
  env: Parameters<typeof withEnv>[0] = {},
) {
  return mount(ResourceForm, {
    props: { client: wiki, root: DEFAULT_ROOT, username, startOpen: true },
    ...withEnv(env),
  });
}

type Form = ReturnType<typeof mountForm>;

async function fill(w: Form, values: { title: string; url: string; topic: string; kind: string }) {
  await w.get('.letsconnect-resource-form__title input').setValue(values.title);
  await w.get('.letsconnect-resource-form__url input').setValue(values.url);
  w.get('.letsconnect-resource-form__topics')
    .findComponent(CdxSelect)
    .vm.$emit('update:selected', values.topic);
  w.get('.letsconnect-resource-form__kind')
    .findComponent(CdxSelect)
    .vm.$emit('update:selected', values.kind);
  await flushPromises();
}

const submit = async (w: Form) => {
  await w.get('form').trigger('submit');
  await flushPromises();
};

const GOOD = {
  title: 'Budget clinic recording',
  url: 'https://commons.wikimedia.org/wiki/File:Budget_clinic.webm',
  topic: 'budget-development',
  kind: 'recording',
};

describe('ResourceForm', () => {
  it('appends the resource under the reader’s name and keeps what was on the page', async () => {
    const wiki = new FakeWiki('Ana');
    wiki.put(
      TITLE,
      "Intro.\n\n{{Let's Connect/Resource|title=Old|url=https://meta.wikimedia.org/wiki/X}}\n",
      'Bo',
    );
    const w = mountForm(wiki);
    await fill(w, GOOD);
    await submit(w);
    expect(w.find('.letsconnect-resource-form__saved').exists()).toBe(true);
    const saved = wiki.pages.get(TITLE)!.content;
    expect(saved.startsWith('Intro.')).toBe(true);
    const records = parseRecords(resourceCodec, saved).map((r) => r.record);
    expect(records.map((r) => r.title)).toEqual(['Old', 'Budget clinic recording']);
    expect(records[1]).toMatchObject({
      addedBy: 'Ana',
      topics: ['budget-development'],
      languages: ['en'],
      kind: 'recording',
      added: '2025-06-01',
    });
    expect(wiki.saves[0]!.summary).toContain('Budget clinic recording');
  });

  it('refuses a link off Wikimedia sites and a missing topic before saving anything', async () => {
    const wiki = new FakeWiki('Ana');
    const w = mountForm(wiki);
    await fill(w, { ...GOOD, url: 'https://example.org/deck.pdf', topic: '' });
    await submit(w);
    expect(wiki.saves).toEqual([]);
    expect(w.get('.letsconnect-resource-form__url').text()).toContain('is not on a Wikimedia site');
    expect(w.get('.letsconnect-resource-form__topics').text()).toContain('is required');
    expect(w.text()).not.toContain('⧼');
  });

  it('on an edit conflict reads the page again and appends to the newer text: nobody’s item is lost', async () => {
    const wiki = new FakeWiki('Ana');
    wiki.put(TITLE, 'Intro.\n', 'Bo');
    const w = mountForm(wiki);
    await fill(w, GOOD);
    // Someone else adds an item after the form read the page and before it saves.
    const realRead = wiki.readPages.bind(wiki);
    let reads = 0;
    wiki.readPages = async (titles) => {
      const pages = await realRead(titles);
      if (++reads === 1) {
        wiki.put(
          TITLE,
          appendResource('Intro.\n', {
            ...parseRecords(
              resourceCodec,
              appendResource('', {
                title: 'Theirs',
                url: 'https://meta.wikimedia.org/wiki/T',
                page: '',
                kind: '',
                topics: [],
                languages: [],
                addedBy: 'Cy',
                added: '',
                description: '',
              }),
            )[0]!.record,
          }),
          'Cy',
        );
      }
      return pages;
    };
    await submit(w);
    expect(wiki.saves).toHaveLength(2);
    const titles = parseRecords(resourceCodec, wiki.pages.get(TITLE)!.content).map(
      (r) => r.record.title,
    );
    expect(titles).toEqual(['Theirs', 'Budget clinic recording']);
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    const wiki = new FakeWiki('Ana');
    wiki.failNextSave('blocked', 'You are blocked');
    const w = mountForm(wiki);
    await fill(w, GOOD);
    await submit(w);
    expect(w.get('.letsconnect-resource-form__failed').text()).toContain('blocked');
    expect(
      (w.get('.letsconnect-resource-form__title input').element as HTMLInputElement).value,
    ).toBe(GOOD.title);
  });

  it('offers a temporary account no form, but why and links to log in or create an account', () => {
    const w = mountForm(new FakeWiki(), null, { reader: TEMPORARY });
    expectPromptFor(w.element.parentElement!, TITLE);
    expect(w.find('form').exists()).toBe(false);
    expect(w.findAll('button')).toHaveLength(0);
  });

  it('asks a logged-out reader to log in', () => {
    const w = mountForm(new FakeWiki(), null);
    expect(w.text()).toContain('Log in to add a resource.');
    expect(w.find('form').exists()).toBe(false);
  });
});

describe('TopicResources (for clinic pages)', () => {
  const entry = (title: string, topics: string[], revid: number): ResourceEntry => ({
    title,
    url: `https://meta.wikimedia.org/wiki/${encodeURIComponent(title)}`,
    page: '',
    kind: 'guide',
    topics,
    languages: ['es'],
    addedBy: 'Ana',
    added: '',
    description: '',
    revid,
  });

  it('lists the topic’s resources, newest first, as text, with a link to all of them', async () => {
    const w = mount(TopicResources, {
      props: {
        topic: 'fundraising',
        root: DEFAULT_ROOT,
        load: async () => [
          entry('Old guide', ['fundraising'], 1),
          entry('<b>New</b> guide', ['fundraising', 'governance'], 5),
          entry('Other topic', ['governance'], 3),
        ],
      },
      ...withEnv(),
    });
    await flushPromises();
    expect(w.findAll('li a').map((a) => a.text())).toEqual(['<b>New</b> guide', 'Old guide']);
    expect(w.find('b').exists()).toBe(false);
    expect(w.text()).toContain('All resources by topic');
  });

  it('shows nothing when there are none or they cannot be read', async () => {
    const none = mount(TopicResources, {
      props: { topic: 'x', load: async () => [] },
      ...withEnv(),
    });
    const failing = mount(TopicResources, {
      props: { topic: 'x', load: () => Promise.reject(new Error('offline')) },
      ...withEnv(),
    });
    await flushPromises();
    expect(none.find('section').exists()).toBe(false);
    expect(failing.find('section').exists()).toBe(false);
  });
});
