/**
 * A round page as the bot writes it and as the wiki renders it, the working-group page, and
 * the connections app mounted on them, for the connections view's component tests.
 */
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils';
import { ConnectionsApp } from '../../../gadget/views/connections/ConnectionsApp';
import type { Reader } from '../../../gadget/kit';
import { createProposalSlots } from '../../../gadget/views/connections/proposal-slots';
import {
  connectionsPageTitle,
  outcomesPageTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { withEnv } from '../support/env';
import type { Profile } from '../../../shared/records/profile';
import { profileFixture } from '../../unit/support/profile-fixture';
import { directoryPages, entriesOf } from '../support/directory-fixture';
import { FakeWiki } from '../support/fake-wiki';

export const MONTH = '2026-11';
export const ROUND = connectionsPageTitle(DEFAULT_ROOT, MONTH);
export const GROUP = workingGroupPageTitle(DEFAULT_ROOT);
export const MEMBER = 'Member One';
export const AMBASSADOR = 'Ambassador Amy';
export const LEARNER = 'Learner One';
export const outcomesOf = (user: string) => outcomesPageTitle(DEFAULT_ROOT, MONTH, user);

const proposal = (over: Partial<Proposal> & Pick<Proposal, 'id'>): Proposal => ({
  learners: [LEARNER],
  sharer: 'Sharer One',
  topic: 'fundraising',
  format: 'one-to-one',
  languages: ['en'],
  score: 80,
  reason: 'Both want fundraising.',
  status: 'proposed',
  reviewer: '',
  reviewed: '',
  note: '',
  // As the bot writes it: the status it accepted.
  accepted: over.status ?? 'proposed',
  ...over,
});

export const PROPOSALS: Proposal[] = [
  proposal({ id: '2026-11-001' }),
  proposal({ id: '2026-11-002', sharer: 'Sharer Two', learners: ['Learner Two', 'Learner Three'] }),
  proposal({
    id: '2026-11-003',
    status: 'approved',
    reviewer: MEMBER,
    reviewed: '2026-11-02T10:00Z',
  }),
  proposal({ id: '2026-11-004', sharer: 'Sharer Two', status: 'notified', reviewer: MEMBER }),
  proposal({ id: '2026-11-005', status: 'cancelled' }),
];

export const roundText = (proposals: readonly Proposal[] = PROPOSALS) =>
  `Match proposals for ${MONTH}.\n\n${proposals.map((p) => serialiseRecord(proposalCodec, p)).join('\n')}\n`;

export const groupText = () =>
  [
    'The working group.',
    serialiseRecord(memberCodec, {
      username: MEMBER,
      role: 'working-group',
      region: '',
      languages: [],
      since: '',
    }),
    serialiseRecord(memberCodec, {
      username: AMBASSADOR,
      role: 'ambassador',
      region: '',
      languages: [],
      since: '',
    }),
  ].join('\n');

/** Someone in the published directory: English speaker, one-to-one and small groups. */
export const directoryPerson = (username: string, over: Partial<Profile> = {}) =>
  profileFixture({
    username,
    languages: [{ code: 'en', level: '4' }],
    formats: ['one-to-one', 'small-group'],
    ...over,
  });

/** The directory the bot published: the round's people and a few who could take a place. */
export const DIRECTORY: Profile[] = [
  directoryPerson('Sharer One', { share: ['fundraising'], connectionsPerMonth: 3 }),
  directoryPerson('Sharer Two', { share: ['fundraising'], connectionsPerMonth: 3 }),
  directoryPerson('Sharer Idle', { share: ['fundraising'], connectionsPerMonth: 1 }),
  directoryPerson(LEARNER, { learn: ['fundraising'] }),
  directoryPerson('Learner Two', { learn: ['fundraising'] }),
  directoryPerson('Learner Three', { learn: ['fundraising'] }),
  directoryPerson('New Learner', { learn: ['fundraising'] }),
  directoryPerson('Newcomer Nina', { learn: ['fundraising'] }),
  directoryPerson('Never Fundraising', { learn: ['wikidata-basics'] }),
  directoryPerson('Nuno Solo', { learn: ['fundraising'], formats: ['one-to-one'] }),
  directoryPerson('Nadia Arabic', {
    learn: ['fundraising'],
    languages: [{ code: 'ar', level: 'N' }],
  }),
];

/** The wiki with the round, the working group and the published directory on it. */
export function roundWiki(user: string): FakeWiki {
  const wiki = new FakeWiki(user);
  for (const [title, text] of directoryPages(entriesOf(DIRECTORY)))
    wiki.put(title, text, 'LetsConnectBot');
  wiki.put(GROUP, groupText(), 'Admin');
  wiki.put(ROUND, roundText(), 'LetsConnectBot');
  return wiki;
}

/** The page as the wiki renders it: one div per proposal, as the template does. */
function renderedPage(proposals: readonly Proposal[]): HTMLElement {
  const content = document.createElement('div');
  content.id = 'mw-content-text';
  const output = document.createElement('div');
  output.className = 'mw-parser-output';
  const intro = document.createElement('p');
  intro.textContent = `Match proposals for ${MONTH}.`;
  output.append(intro);
  for (const p of proposals) output.append(renderedProposal(p));
  content.append(output);
  return content;
}

function renderedProposal(p: Proposal): HTMLElement {
  const div = document.createElement('div');
  div.className = 'letsconnect-proposal';
  div.dataset.proposal = p.id;
  div.dataset.status = p.status;
  div.dataset.accepted = p.accepted ?? '';
  div.textContent = `${p.id} ${p.sharer} shares with ${p.learners.join(', ')} ${p.status}`;
  return div;
}

/** What action=parse gives for a proposal call (the template's div inside parser output). */
export async function fakeRender(wikitext: string): Promise<string> {
  const p = parseRecords(proposalCodec, wikitext)[0]!.record;
  const holder = document.createElement('div');
  holder.className = 'mw-parser-output';
  const div = renderedProposal(p);
  div.classList.add('rendered-by-wiki');
  holder.append(div);
  return holder.outerHTML;
}

export interface MountOptions {
  openOutcome?: string | null;
  /** The reader as the kit decided it (default: as `username` says, not temporary). */
  reader?: Reader;
  proposals?: readonly Proposal[];
  /**
   * Where a member starts: 'page' (review controls under each proposal, what most tests here
   * look at) unless a test asks for the review queue.
   */
  view?: 'queue' | 'page';
}

export async function mountRound(
  wiki: FakeWiki,
  username: string | null,
  options: MountOptions = {},
) {
  document.body.innerHTML = '';
  const appRoot = document.createElement('div');
  appRoot.className = 'letsconnect-app';
  const content = renderedPage(options.proposals ?? PROPOSALS);
  document.body.append(appRoot, content);
  const slots = createProposalSlots(content, 'en', 'ltr');
  const w = mount(ConnectionsApp, {
    props: {
      client: wiki,
      root: DEFAULT_ROOT,
      month: MONTH,
      pageTitle: ROUND,
      username,
      slots,
      openOutcome: options.openOutcome ?? null,
      render: fakeRender,
      startView: options.view ?? 'page',
      showProposals: (shown: boolean) =>
        content.classList.toggle('letsconnect-round--queue', !shown),
    },
    ...withEnv(options.reader ? { reader: options.reader } : {}),
    attachTo: appRoot,
  });
  await flushPromises();
  return { w, content, slots };
}

/** The box under a proposal (teleported content is outside the wrapper). */
export function toolsOf(id: string): DOMWrapper<HTMLElement> {
  const el = document.querySelector<HTMLElement>(
    `.letsconnect-proposal[data-proposal="${id}"] + .letsconnect-proposal-tools`,
  );
  if (!el) throw new Error(`no tools box after proposal ${id}`);
  return new DOMWrapper(el);
}

/** A part of the page to look in (`get` leaves out `exists`). */
type Scope = Omit<DOMWrapper<Element>, 'exists'>;

export function buttonIn(scope: Scope, label: string): DOMWrapper<HTMLButtonElement> {
  const button = scope.findAll<HTMLButtonElement>('button').find((b) => b.text().trim() === label);
  if (!button) throw new Error(`no button "${label}" in ${scope.text()}`);
  return button;
}

export async function click(scope: Scope, label: string): Promise<void> {
  await buttonIn(scope, label).trigger('click');
  await flushPromises();
}

export const proposalsOn = (wiki: FakeWiki) =>
  new Map(
    parseRecords(proposalCodec, wiki.pages.get(ROUND)!.content).map((r) => [r.record.id, r.record]),
  );
