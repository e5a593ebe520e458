import { flushPromises, type DOMWrapper } from '@vue/test-utils';
import { canonicalUser } from '../../../gadget/kit';
import { workingGroupMembers } from '../../../gadget/views/connections/round';
import { testEnv } from '../support/env';
import { FakeWiki } from '../support/fake-wiki';
import {
  AMBASSADOR,
  GROUP,
  MEMBER,
  PROPOSALS,
  ROUND,
  click,
  groupText,
  LEARNER,
  mountRound,
  proposalsOn,
  roundText,
  roundWiki,
  toolsOf,
} from './round-fixture';

afterEach(() => {
  document.body.innerHTML = '';
});

const REVIEW_BUTTONS = ['Approve', 'Decline', 'Swap a person'];

/** The open confirmation dialog (Codex teleports it out of the tools box). */
const dialog = () => document.querySelector<HTMLElement>('.cdx-dialog');
async function confirmDialog(label: string): Promise<void> {
  const button = [...(dialog()?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.trim() === label,
  );
  if (!button) throw new Error(`no dialog button "${label}"`);
  button.click();
  await flushPromises();
}
/** Decline, confirmed in the dialog. */
async function decline(tools: ReturnType<typeof toolsOf>): Promise<void> {
  await click(tools, 'Decline');
  await confirmDialog('Decline');
}
const buttonsUnder = (id: string) =>
  toolsOf(id)
    .findAll('button')
    .map((b) => b.text().trim());

describe('who may review', () => {
  it('reads members with the working-group role only, with names as MediaWiki writes them', () => {
    const text = `${groupText()}\n{{Let's Connect/Member|username=lower_case name|role=working-group}}`;
    expect(workingGroupMembers(text)).toEqual([MEMBER, 'Lower case name']);
    expect(canonicalUser('  some_body ')).toBe('Some body');
  });

  it('shows nothing to a reader who is not logged in, and asks the wiki nothing', async () => {
    const wiki = roundWiki(MEMBER);
    const { w } = await mountRound(wiki, null);
    expect(wiki.reads).toHaveLength(0);
    expect(document.querySelectorAll('.letsconnect-proposal-tools button')).toHaveLength(0);
    expect(w.text()).toBe('');
  });

  it.each([
    ['an ordinary user', 'Somebody Else'],
    ['an ambassador', AMBASSADOR],
    ['an administrator not on the working-group page', 'Admin'],
  ])(
    'shows %s no review buttons, but who reviews and how to join (one request read everything)',
    async (_, user) => {
      const wiki = roundWiki(user);
      const { w } = await mountRound(wiki, user);
      expect(wiki.reads).toHaveLength(1);
      expect(document.querySelectorAll('.letsconnect-proposal-tools button')).toHaveLength(0);
      expect(w.text()).toContain("Members of the Let's Connect working group review");
      expect(w.text()).not.toContain('You are a member of the working group');
      const links = w.findAll('a').map((a) => [a.text(), a.attributes('href')]);
      expect(links).toEqual([
        ['Who is in the working group', testEnv().url(GROUP)],
        ['Ask to join (talk page)', testEnv().url(GROUP.replace('Grants:', 'Grants talk:'))],
      ]);
    },
  );

  it('shows a member the buttons under every proposal still open to review, and says what they do', async () => {
    const { w } = await mountRound(roundWiki(MEMBER), MEMBER);
    expect(w.text()).toContain('You are a member of the working group');
    expect(buttonsUnder('2026-11-001')).toEqual(REVIEW_BUTTONS);
    expect(buttonsUnder('2026-11-002')).toEqual(REVIEW_BUTTONS);
    // Approved already: it can still be declined or changed, not approved twice.
    expect(buttonsUnder('2026-11-003')).toEqual(['Decline', 'Swap a person']);
    // Notified or cancelled: the pairing stands.
    expect(buttonsUnder('2026-11-004')).toEqual([]);
    expect(buttonsUnder('2026-11-005')).toEqual([]);
    expect(toolsOf('2026-11-001').get('[role="group"]').attributes('aria-label')).toBe(
      'Proposal 2026-11-001',
    );
    expect(document.body.textContent).not.toContain('⧼');
  });

  it('finds a member whose name the page writes with underscores', async () => {
    const wiki = roundWiki(MEMBER);
    wiki.put(GROUP, `{{Let's Connect/Member|username=member_One|role=working-group}}`, 'Admin');
    await mountRound(wiki, MEMBER);
    expect(buttonsUnder('2026-11-001')).toEqual(REVIEW_BUTTONS);
  });
});

describe('approve and decline', () => {
  it('asks before declining, saying a declined pair is never proposed again; cancel saves nothing', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    await click(toolsOf('2026-11-001'), 'Decline');
    expect(wiki.saves).toHaveLength(0);
    expect(dialog()?.textContent).toContain('Decline this proposal?');
    expect(dialog()?.textContent).toContain('A declined pair is never proposed again');
    await confirmDialog('Cancel');
    expect(dialog()).toBeNull();
    expect(wiki.saves).toHaveLength(0);
    expect(proposalsOn(wiki).get('2026-11-001')!.status).toBe('proposed');
    await decline(toolsOf('2026-11-001'));
    expect(proposalsOn(wiki).get('2026-11-001')!.status).toBe('declined');
  });

  it('approves on the revision read, with a summary that says so, and shows the new status', async () => {
    const wiki = roundWiki(MEMBER);
    const base = wiki.pages.get(ROUND)!.revid;
    const { content } = await mountRound(wiki, MEMBER);
    await click(toolsOf('2026-11-001'), 'Approve');

    expect(wiki.saves).toHaveLength(1);
    expect(wiki.saves[0]).toMatchObject({
      title: ROUND,
      baseRevid: base,
      summary: "Let's Connect: approve proposal 2026-11-001",
    });
    const saved = proposalsOn(wiki);
    expect(saved.get('2026-11-001')).toEqual({
      ...PROPOSALS[0],
      status: 'approved',
      reviewer: MEMBER,
      reviewed: '2025-06-01T12:00Z',
    });
    // Every other proposal is kept as it was, to the character.
    expect(wiki.pages.get(ROUND)!.content).toBe(
      roundText([saved.get('2026-11-001')!, ...PROPOSALS.slice(1)]),
    );
    expect(toolsOf('2026-11-001').get('.letsconnect-notice[role="status"]').text()).toContain(
      'Approved.',
    );
    // The wiki's own rendering of the new proposal replaced the old one.
    const shown = content.querySelector('[data-proposal="2026-11-001"]')!;
    expect(shown.getAttribute('data-status')).toBe('approved');
    expect(shown.classList.contains('rendered-by-wiki')).toBe(true);
    expect(buttonsUnder('2026-11-001')).toEqual(['Decline', 'Swap a person']);
  });

  it('declines with a comment, kept as the note; a second review is based on the first', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    const tools = toolsOf('2026-11-002');
    expect(tools.get('summary').text()).toBe('Add a comment (optional)');
    await tools.get('textarea').setValue('  Same pair as last month.  ');
    await decline(tools);
    expect(proposalsOn(wiki).get('2026-11-002')).toMatchObject({
      status: 'declined',
      reviewer: MEMBER,
      note: 'Same pair as last month.',
    });
    expect(wiki.saves[0]!.summary).toBe("Let's Connect: decline proposal 2026-11-002");
    expect((tools.get('textarea').element as HTMLTextAreaElement).value).toBe('');

    await click(toolsOf('2026-11-001'), 'Approve');
    expect(wiki.saves[1]!.baseRevid).toBe(wiki.pages.get(ROUND)!.revid - 1);
    expect(proposalsOn(wiki).get('2026-11-002')!.status).toBe('declined');
    expect(proposalsOn(wiki).get('2026-11-001')!.status).toBe('approved');
  });
});

it('holds a comment to the rules the bot checks a note by, and opens it to say so', async () => {
  const wiki = roundWiki(MEMBER);
  await mountRound(wiki, MEMBER);
  const tools = toolsOf('2026-11-001');
  await tools.get('textarea').setValue('mail me: me@example.org');
  (tools.get('details').element as HTMLDetailsElement).open = false;
  await click(tools, 'Approve');
  expect(wiki.saves).toHaveLength(0);
  expect((tools.get('details').element as HTMLDetailsElement).open).toBe(true);
  expect(tools.get('.letsconnect-review__comment').text()).toContain(
    '"Comment" seems to contain an email address.',
  );
  await tools.get('textarea').setValue('x'.repeat(1001));
  expect(tools.text()).toContain('at most 1000 characters, this has 1001');
  await tools.get('textarea').setValue('Fine.');
  expect(tools.text()).not.toContain('at most 1000');
  await click(tools, 'Approve');
  expect(proposalsOn(wiki).get('2026-11-001')!.note).toBe('Fine.');
});

describe('swap a person', () => {
  it('asks who and for whom, checks both, then saves the new pairing as approved', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    const tools = toolsOf('2026-11-002');
    await click(tools, 'Swap a person');
    const swap = tools.get('.letsconnect-review__swap');
    expect(swap.get('legend').text()).toContain('Who should be replaced?');
    expect(swap.findAll('.cdx-radio').map((r) => r.text())).toEqual([
      'Sharer Two (sharer)',
      'Learner Two (learner)',
      'Learner Three (learner)',
    ]);
    await click(swap, 'Swap and approve');
    expect(wiki.saves).toHaveLength(0);
    expect(swap.text()).toContain('Choose the person to replace.');
    expect(swap.text()).toContain('Enter a valid user name.');

    await swap.findAll<HTMLInputElement>('input[type="radio"]')[1]!.setValue(true);
    await swap.get('input[type="text"], input:not([type])').setValue('learner Three');
    await flushPromises();
    expect(swap.text()).toContain('already part of this proposal');
    await swap.get('input[type="text"], input:not([type])').setValue('new_Learner');
    await click(swap, 'Swap and approve');

    expect(wiki.saves).toHaveLength(1);
    expect(wiki.saves[0]!.summary).toBe(
      "Let's Connect: proposal 2026-11-002, New Learner replaces Learner Two (approved)",
    );
    expect(proposalsOn(wiki).get('2026-11-002')).toMatchObject({
      sharer: 'Sharer Two',
      learners: ['New Learner', 'Learner Three'],
      status: 'approved',
      reviewer: MEMBER,
    });
    expect(tools.text()).toContain('New Learner takes the place of Learner Two');
    expect(tools.find('.letsconnect-review__swap').exists()).toBe(false);
  });
});

describe('swap a person: who can take the place', () => {
  const input = (swap: Omit<DOMWrapper<Element>, 'exists'>) =>
    swap.get<HTMLInputElement>('input[type="text"], input:not([type])');
  async function openSwap(wiki: ReturnType<typeof roundWiki>) {
    await mountRound(wiki, MEMBER);
    const tools = toolsOf('2026-11-002');
    await click(tools, 'Swap a person');
    const swap = tools.get('.letsconnect-review__swap');
    await swap.findAll<HTMLInputElement>('input[type="radio"]')[1]!.setValue(true);
    await flushPromises();
    return swap;
  }

  it.each([
    ['Nobody Here At All', 'Nobody Here At All has no listed profile in the skills directory'],
    ['Never Fundraising', 'Never Fundraising does not want to learn this topic'],
    ['Nadia Arabic', 'Nadia Arabic has no language in common with the others'],
    [LEARNER, `${LEARNER} already has another connection this round`],
  ])('refuses %s, saying why in words, and saves nothing', async (name, why) => {
    const wiki = roundWiki(MEMBER);
    const swap = await openSwap(wiki);
    await input(swap).setValue(name);
    await click(swap, 'Swap and approve');
    expect(wiki.saves).toHaveLength(0);
    expect(swap.text()).toContain(why);
  });

  it('suggests the people who fit as one types; a suggestion fills the name', async () => {
    const wiki = roundWiki(MEMBER);
    const swap = await openSwap(wiki);
    const suggested = () =>
      swap.findAll('.letsconnect-review__suggestions li').map((li) => li.text());
    expect(swap.text()).toContain('People who can take this place');
    expect(suggested()).toEqual(['New Learner', 'Newcomer Nina', 'Nuno Solo']);
    await input(swap).setValue('ne');
    expect(suggested()).toEqual(['New Learner', 'Newcomer Nina']);
    await input(swap).setValue('zz');
    await click(swap, 'Swap and approve');
    expect(swap.text()).toContain('No one in the skills directory whose name contains “zz”');
    await input(swap).setValue('new');
    await click(swap.find('.letsconnect-review__suggestions'), 'Newcomer Nina');
    expect(input(swap).element.value).toBe('Newcomer Nina');
    await click(swap, 'Swap and approve');
    expect(wiki.saves).toHaveLength(1);
    expect(proposalsOn(wiki).get('2026-11-002')).toMatchObject({
      learners: ['Newcomer Nina', 'Learner Three'],
      status: 'approved',
      // The old pair's reason is dropped: the bot gives the new pair its own.
      reason: '',
    });
  });

  it('saves nothing when the directory cannot be read, and says so', async () => {
    const wiki = new FakeWiki(MEMBER);
    wiki.put(GROUP, groupText(), 'Admin');
    wiki.put(ROUND, roundText(), 'LetsConnectBot');
    const swap = await openSwap(wiki);
    await input(swap).setValue('New Learner');
    await click(swap, 'Swap and approve');
    expect(wiki.saves).toHaveLength(0);
    expect(swap.text()).toContain('The skills directory could not be read');
  });
});

describe('conflicts and failures', () => {
  it('re-applies the review on a page someone else changed meanwhile, keeping their edit', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    // Another member reviews a different proposal after the page was read.
    const theirs = roundText(
      PROPOSALS.map((p) =>
        p.id === '2026-11-002' ? { ...p, status: 'declined', reviewer: 'Other Member' } : p,
      ),
    );
    wiki.put(ROUND, theirs, 'Other Member');
    await click(toolsOf('2026-11-001'), 'Approve');
    expect(wiki.saves).toHaveLength(2);
    expect(wiki.saves[0]!.baseRevid).toBe(wiki.saves[1]!.baseRevid! - 1);
    const saved = proposalsOn(wiki);
    expect(saved.get('2026-11-001')!.status).toBe('approved');
    expect(saved.get('2026-11-002')).toMatchObject({
      status: 'declined',
      reviewer: 'Other Member',
    });
    expect(toolsOf('2026-11-001').text()).toContain('Approved.');
  });

  it('does not overwrite a change to the same proposal: it says so and shows it as it is now', async () => {
    const wiki = roundWiki(MEMBER);
    const { content } = await mountRound(wiki, MEMBER);
    const theirs = roundText(
      PROPOSALS.map((p) =>
        p.id === '2026-11-001' ? { ...p, status: 'declined', reviewer: 'Other Member' } : p,
      ),
    );
    wiki.put(ROUND, theirs, 'Other Member');
    await click(toolsOf('2026-11-001'), 'Approve');
    expect(wiki.pages.get(ROUND)!.content).toBe(theirs);
    const alert = toolsOf('2026-11-001').get('.letsconnect-notice[role="alert"]');
    expect(alert.text()).toContain('Someone else changed this proposal');
    expect(alert.text()).toContain('it is now: declined');
    expect(
      content.querySelector('[data-proposal="2026-11-001"]')!.getAttribute('data-status'),
    ).toBe('declined');
    // Now shown as declined: approving is a fresh decision, and it goes through.
    expect(buttonsUnder('2026-11-001')).toEqual(['Approve', 'Swap a person']);
    await click(toolsOf('2026-11-001'), 'Approve');
    expect(proposalsOn(wiki).get('2026-11-001')).toMatchObject({
      status: 'approved',
      reviewer: MEMBER,
    });
  });

  it('keeps only the message when the bot notified the proposal meanwhile', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    wiki.put(
      ROUND,
      roundText(PROPOSALS.map((p) => (p.id === '2026-11-003' ? { ...p, status: 'notified' } : p))),
      'LetsConnectBot',
    );
    await decline(toolsOf('2026-11-003'));
    expect(proposalsOn(wiki).get('2026-11-003')!.status).toBe('notified');
    expect(buttonsUnder('2026-11-003')).toEqual([]);
    expect(toolsOf('2026-11-003').text()).toContain('it is now: participants notified');
  });

  it('says why a save failed and keeps the comment typed', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    const tools = toolsOf('2026-11-001');
    await tools.get('textarea').setValue('Good match.');
    wiki.failNextSave('blocked');
    await click(tools, 'Approve');
    expect(tools.get('.letsconnect-notice[role="alert"]').text()).toBe(
      'Your account is blocked from editing, so your review was not saved.',
    );
    expect((tools.get('textarea').element as HTMLTextAreaElement).value).toBe('Good match.');
    wiki.failNextSave('weird-code');
    await click(tools, 'Approve');
    expect(tools.get('.letsconnect-notice[role="alert"]').text()).toContain(
      'the wiki said: weird-code',
    );
    await click(tools, 'Approve');
    expect(proposalsOn(wiki).get('2026-11-001')!.note).toBe('Good match.');
  });

  it('gives up after repeated conflicts, saying so, with nothing overwritten', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER);
    const save = wiki.save.bind(wiki);
    // Someone else saves a different proposal just before each of our attempts.
    let n = 0;
    wiki.save = async (title, text, summary, base) => {
      n++;
      wiki.put(ROUND, `${wiki.pages.get(ROUND)!.content}<!-- edit ${n} -->\n`, 'Other');
      return save(title, text, summary, base);
    };
    await click(toolsOf('2026-11-001'), 'Approve');
    expect(n).toBe(3);
    expect(toolsOf('2026-11-001').get('.letsconnect-notice[role="alert"]').text()).toContain(
      'kept changing',
    );
    expect(proposalsOn(wiki).get('2026-11-001')!.status).toBe('proposed');
  });

  it('says when the proposals could not be read', async () => {
    const wiki = roundWiki(MEMBER);
    wiki.readPages = () => Promise.reject(new Error('http'));
    const { w } = await mountRound(wiki, MEMBER);
    expect(w.text()).toContain('The proposals could not be loaded (http)');
    expect(document.querySelectorAll('.letsconnect-proposal-tools button')).toHaveLength(0);
  });

  it('renders names and notes as text, never as HTML', async () => {
    const wiki = roundWiki(MEMBER);
    const hostile = '<img src=x onerror=alert(1)>';
    wiki.put(
      ROUND,
      roundText([{ ...PROPOSALS[1]!, learners: [`${hostile}`, 'Learner Three'] }]),
      'LetsConnectBot',
    );
    await mountRound(wiki, MEMBER, { proposals: [PROPOSALS[1]!] });
    await click(toolsOf('2026-11-002'), 'Swap a person');
    expect(toolsOf('2026-11-002').text()).toContain(`${hostile} (learner)`);
    expect(document.querySelector('.letsconnect-proposal-tools img')).toBeNull();
  });
});

describe('a review not by the working group', () => {
  const NOT_BY_WG = 'Not by the working group';
  /** Someone edits the round page by hand: `changes` by proposal id. */
  const edit = (
    wiki: ReturnType<typeof roundWiki>,
    user: string,
    changes: Record<string, object>,
  ) => {
    const now = [...proposalsOn(wiki).values()].map((p) => ({ ...p, ...changes[p.id] }));
    wiki.put(ROUND, roundText(now), user);
    return now;
  };

  it.each([
    ['a logged-out reader', null],
    ['a member', MEMBER],
  ])('is marked for %s, who sees a member’s pending review unmarked', async (_, reader) => {
    const wiki = roundWiki(MEMBER);
    edit(wiki, MEMBER, { '2026-11-002': { status: 'approved', reviewer: MEMBER } });
    const shown = edit(wiki, 'Mallory', {
      '2026-11-001': { status: 'approved', reviewer: 'Mallory' },
    });
    await mountRound(wiki, reader, { proposals: shown });
    expect(toolsOf('2026-11-001').text()).toContain(NOT_BY_WG);
    expect(toolsOf('2026-11-002').text()).not.toContain(NOT_BY_WG);
    expect(toolsOf('2026-11-003').text()).not.toContain(NOT_BY_WG);
    expect(wiki.reads).toContainEqual([`history:${ROUND}`]);
  });

  it('reads no history when every status shown is the one the bot accepted', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, null);
    expect(wiki.reads).toHaveLength(0);
    expect(document.body.textContent).not.toContain(NOT_BY_WG);
  });
});
