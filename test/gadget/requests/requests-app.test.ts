/**
 * A person's requests page: the owner answers a request in one click (saved on their own page,
 * over their own newest revision, never over someone else's edit), says no to a proposal, and
 * sees what became of their requests; a note someone else put on an asker's page is not shown.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { requestsPageItems } from '../../../shared/connections/requests-page';
import { SCHEMA_VERSION, type RequestsDocument } from '../../../shared/documents/documents';
import { requestsDataTitle, requestsPageTitle } from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { serialiseRecord } from '../../../shared/records/codec';
import { answerCodec, requestCodec } from '../../../shared/records/request';
import { RequestsApp } from '../../../gadget/views/requests/RequestsApp';
import { FakeWiki } from '../support/fake-wiki';
import { withEnv } from '../support/env';

afterEach(() => {
  document.body.innerHTML = '';
});

const ME = 'Bee';
const doc: RequestsDocument = {
  schemaVersion: SCHEMA_VERSION,
  kind: 'connection-requests',
  generated: '2025-06-01T00:00:00Z',
  root: DEFAULT_ROOT,
  requests: [
    {
      key: 'Ann/r1',
      asker: 'Ann',
      id: 'r1',
      to: ME,
      topic: 'fundraising',
      direction: 'learn',
      format: 'one-to-one',
      seen: '2025-05-30T00:00:00Z',
      state: 'open',
    },
    {
      key: `${ME}/r1`,
      asker: ME,
      id: 'r1',
      to: 'Cy',
      topic: 'fundraising',
      direction: 'share',
      format: 'one-to-one',
      seen: '2025-05-30T00:00:00Z',
      state: 'refused',
      refusal: 'recipient-off',
    },
  ],
  forged: [],
  unusual: [],
};

function wiki(): FakeWiki {
  const w = new FakeWiki(ME);
  w.put(requestsDataTitle(DEFAULT_BOT_NAME), JSON.stringify(doc), DEFAULT_BOT_NAME);
  const ask = serialiseRecord(requestCodec, {
    id: 'r1',
    to: ME,
    topic: 'fundraising',
    direction: 'learn',
    format: 'one-to-one',
    note: 'Hi from Ann',
    asked: '',
  });
  w.put(requestsPageTitle(DEFAULT_ROOT, 'Ann'), ask, 'Ann');
  const mine = serialiseRecord(requestCodec, {
    id: 'r1',
    to: 'Cy',
    topic: 'fundraising',
    direction: 'share',
    format: 'one-to-one',
    note: '',
    asked: '',
  });
  w.put(requestsPageTitle(DEFAULT_ROOT, ME), mine, ME);
  // Someone else adds an acceptance to Bee's page: it is passed over.
  w.put(
    requestsPageTitle(DEFAULT_ROOT, ME),
    `${mine}\n${serialiseRecord(answerCodec, { from: 'Zed', request: 'r9', answer: 'accept', answered: '' })}`,
    'Mallory',
  );
  return w;
}

const mountApp = (w: FakeWiki, over: Record<string, unknown> = {}) =>
  mount(RequestsApp, {
    props: {
      client: w,
      root: DEFAULT_ROOT,
      botName: DEFAULT_BOT_NAME,
      owner: ME,
      username: ME,
      pageTitle: requestsPageTitle(DEFAULT_ROOT, ME),
      openRequest: 'Ann/r1',
      ...over,
    },
    attachTo: document.body,
    ...withEnv({ reader: { username: ME, temporary: false } }),
  });

it('accepts in one click, on the owner’s own page over their own revision', async () => {
  const w = wiki();
  const app = mountApp(w);
  await flushPromises();
  expect(app.text()).toContain('would like to learn about Fundraising from you');
  expect(app.text()).toContain('Hi from Ann');
  expect(app.text()).toContain('not sent: the person asked has turned requests off');
  await app
    .findAll('button')
    .find((b) => b.text() === 'Accept')!
    .trigger('click');
  await flushPromises();
  expect(app.text()).toContain('You accepted.');
  const saved = w.pages.get(requestsPageTitle(DEFAULT_ROOT, ME))!.content;
  const items = requestsPageItems(saved);
  expect(items.answers).toEqual([
    { from: 'Ann', request: 'r1', answer: 'accept', answered: '2025-06-01T12:00Z' },
  ]);
  expect(items.requests).toHaveLength(1);
});

it('says "not this month" to a proposal from the introduction’s link', async () => {
  const w = wiki();
  const app = mountApp(w, { openReply: '2025-06-003' });
  await flushPromises();
  await app
    .findAll('button')
    .find((b) => b.text() === 'Not this month')!
    .trigger('click');
  await flushPromises();
  expect(app.text()).toContain('You said not this month');
  const items = requestsPageItems(w.pages.get(requestsPageTitle(DEFAULT_ROOT, ME))!.content);
  expect(items.replies).toEqual([
    { proposal: '2025-06-003', reply: 'not-this-month', reason: '', replied: '2025-06-01T12:00Z' },
  ]);
});

it('shows no note that someone other than the asker wrote', async () => {
  const w = wiki();
  w.put(
    requestsPageTitle(DEFAULT_ROOT, 'Ann'),
    serialiseRecord(requestCodec, {
      id: 'r1',
      to: ME,
      topic: 'fundraising',
      direction: 'learn',
      format: 'one-to-one',
      note: 'Forged words',
      asked: '',
    }),
    'Mallory',
  );
  const app = mountApp(w);
  await flushPromises();
  expect(app.text()).not.toContain('Forged words');
});
