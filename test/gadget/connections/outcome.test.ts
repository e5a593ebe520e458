import { flushPromises } from '@vue/test-utils';
import { OUTCOMES_PAGE_HEADER } from '../../../shared/connections/outcomes';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { outcomeCodec, type Outcome } from '../../../shared/records/proposal';
import {
  LEARNER,
  MEMBER,
  PROPOSALS,
  ROUND,
  click,
  mountRound,
  outcomesOf,
  roundText,
  roundWiki,
  toolsOf,
} from './round-fixture';
import { TEMPORARY, expectPromptFor } from '../support/temporary-reader';

afterEach(() => {
  document.body.innerHTML = '';
});

const PAGE = outcomesOf(LEARNER);
const outcomesOn = (wiki: ReturnType<typeof roundWiki>) =>
  parseRecords(outcomeCodec, wiki.pages.get(PAGE)!.content).map((r) => r.record);

const earlier: Outcome = {
  proposal: '2026-11-004',
  reporter: LEARNER,
  result: 'scheduled',
  date: '2026-11-20',
  rating: null,
  comment: 'We will meet on the 20th.',
  public: false,
};

const form = (id: string) => toolsOf(id).get('form');
const field = (id: string, name: string) => form(id).get(`.letsconnect-outcome-form__${name}`);
const radio = (id: string, name: string, label: string) =>
  field(id, name)
    .findAll('.cdx-radio')
    .find((r) => r.text() === label)!
    .get('input');

async function submit(id: string) {
  await form(id).trigger('submit');
  await flushPromises();
}

describe('who may report', () => {
  it("offers the connection's people a report on approved and notified connections only", async () => {
    const { w } = await mountRound(roundWiki(LEARNER), LEARNER);
    expect(w.text()).toContain('You are part of 2 connections in this round.');
    for (const id of ['2026-11-003', '2026-11-004'])
      expect(
        toolsOf(id)
          .findAll('button')
          .map((b) => b.text()),
      ).toEqual(['Record how it went']);
    // Proposed, someone else's, cancelled: nothing to report.
    for (const id of ['2026-11-001', '2026-11-002', '2026-11-005'])
      expect(toolsOf(id).findAll('button')).toHaveLength(0);
  });

  it('offers a sharer the report too, and a member who is a participant both tools', async () => {
    await mountRound(roundWiki('Sharer Two'), 'Sharer Two');
    expect(toolsOf('2026-11-004').text()).toContain('Record how it went');
    expect(toolsOf('2026-11-003').findAll('button')).toHaveLength(0);

    const mine = { ...PROPOSALS[2]!, id: '2026-11-006', sharer: MEMBER };
    const wiki = roundWiki(MEMBER);
    wiki.put(ROUND, roundText([...PROPOSALS, mine]), 'LetsConnectBot');
    await mountRound(wiki, MEMBER, { proposals: [...PROPOSALS, mine] });
    expect(
      toolsOf('2026-11-006')
        .findAll('button')
        .map((b) => b.text()),
    ).toEqual(['Decline', 'Swap a person', 'Record how it went']);
  });
});

describe('recording how it went', () => {
  it('checks the answers, then creates the reporter’s own page with the report', async () => {
    const wiki = roundWiki(LEARNER);
    await mountRound(wiki, LEARNER);
    await click(toolsOf('2026-11-003'), 'Record how it went');
    expect(form('2026-11-003').get('h3').text()).toBe('How did connection 2026-11-003 go?');
    expect(form('2026-11-003').text()).toContain('anyone can read what you write');
    expect(form('2026-11-003').attributes('aria-labelledby')).toBe(
      form('2026-11-003').get('h3').attributes('id'),
    );

    await submit('2026-11-003');
    expect(wiki.saves).toHaveLength(0);
    expect(field('2026-11-003', 'result').text()).toContain('"Did you meet?" is required.');
    expect(toolsOf('2026-11-003').get('.letsconnect-notice[role="alert"]').text()).toContain(
      'one answer needs your attention',
    );

    await radio('2026-11-003', 'result', 'Yes, we met').setValue(true);
    await field('2026-11-003', 'date').get('input').setValue('2026-11-18');
    await field('2026-11-003', 'comment')
      .get('textarea')
      .setValue('How to plan a budget | {{subst:x}} ~~~~');
    await radio('2026-11-003', 'rating', '4').setValue(true);
    await field('2026-11-003', 'public').get('input[type="checkbox"]').setValue(true);
    // Fixing the answers clears the warning at once.
    expect(toolsOf('2026-11-003').find('.letsconnect-notice').exists()).toBe(false);
    await submit('2026-11-003');

    expect(wiki.saves).toHaveLength(1);
    expect(wiki.saves[0]).toMatchObject({
      title: PAGE,
      baseRevid: null,
      summary: "Let's Connect: how connection 2026-11-003 went",
    });
    expect(wiki.pages.get(PAGE)!.content.startsWith(OUTCOMES_PAGE_HEADER)).toBe(true);
    expect(wiki.pages.get(PAGE)!.content).not.toContain('~~~~');
    expect(outcomesOn(wiki)).toEqual([
      {
        proposal: '2026-11-003',
        reporter: LEARNER,
        result: 'met',
        date: '2026-11-18',
        rating: 4,
        comment: 'How to plan a budget | {{subst:x}} ~~~~',
        public: true,
      },
    ]);
    const tools = toolsOf('2026-11-003');
    expect(tools.find('form').exists()).toBe(false);
    expect(tools.get('[role="status"]').text()).toContain('Thank you! Your report is saved.');
    expect(tools.get('[role="status"] a').attributes('href')).toBe(
      `/wiki/${encodeURIComponent(PAGE.replace(/ /g, '_'))}`,
    );
    expect(tools.text()).toContain('Change my report');
    // The round page itself is not touched by a report.
    expect(wiki.saves.map((s) => s.title)).toEqual([PAGE]);
  });

  it('opens straight from the link in the bot’s message, filled with the earlier report, and replaces it', async () => {
    const wiki = roundWiki(LEARNER);
    const base = wiki.put(
      PAGE,
      `Intro kept.\n${serialiseRecord(outcomeCodec, earlier)}\n`,
      LEARNER,
    );
    await mountRound(wiki, LEARNER, { openOutcome: '2026-11-004' });
    expect(toolsOf('2026-11-003').find('form').exists()).toBe(false);
    expect(
      (field('2026-11-004', 'comment').get('textarea').element as HTMLTextAreaElement).value,
    ).toBe('We will meet on the 20th.');
    expect(
      (
        radio('2026-11-004', 'result', 'Not yet, but a meeting is planned')
          .element as HTMLInputElement
      ).checked,
    ).toBe(true);
    await radio('2026-11-004', 'result', 'Yes, we met').setValue(true);
    await radio('2026-11-004', 'rating', '5').setValue(true);
    await submit('2026-11-004');
    expect(wiki.saves[0]!.baseRevid).toBe(base);
    expect(wiki.pages.get(PAGE)!.content.startsWith('Intro kept.\n')).toBe(true);
    expect(outcomesOn(wiki)).toEqual([{ ...earlier, result: 'met', rating: 5 }]);

    // A second report in the same round goes on the same page, based on the first save.
    await click(toolsOf('2026-11-003'), 'Record how it went');
    await radio('2026-11-003', 'result', 'No, we did not meet').setValue(true);
    await submit('2026-11-003');
    expect(wiki.saves[1]!.baseRevid).toBe(base + 1);
    expect(outcomesOn(wiki).map((o) => [o.proposal, o.result])).toEqual([
      ['2026-11-004', 'met'],
      ['2026-11-003', 'not-met'],
    ]);
  });

  it('refuses an email address and a summary over 2,000 characters, next to the field', async () => {
    const wiki = roundWiki(LEARNER);
    await mountRound(wiki, LEARNER, { openOutcome: '2026-11-003' });
    await radio('2026-11-003', 'result', 'Yes, we met').setValue(true);
    await field('2026-11-003', 'comment').get('textarea').setValue('write me at a@example.org');
    await submit('2026-11-003');
    expect(field('2026-11-003', 'comment').text()).toContain('seems to contain an email address');
    await field('2026-11-003', 'comment').get('textarea').setValue('x'.repeat(2001));
    expect(field('2026-11-003', 'comment').text()).toContain(
      'at most 2000 characters, this has 2001',
    );
    expect(wiki.saves).toHaveLength(0);
  });

  it.each([
    ['blocked', 'Your account is blocked from editing, so your report was not saved.'],
    ['http', 'could not be reached'],
    ['weird-code', 'the wiki said: weird-code'],
  ])('keeps the form filled after a failed save (%s) and says why', async (code, words) => {
    const wiki = roundWiki(LEARNER);
    await mountRound(wiki, LEARNER, { openOutcome: '2026-11-003' });
    await radio('2026-11-003', 'result', 'Yes, we met').setValue(true);
    await field('2026-11-003', 'comment').get('textarea').setValue('Kept words');
    wiki.failNextSave(code);
    await submit('2026-11-003');
    const alert = toolsOf('2026-11-003').get('.letsconnect-notice[role="alert"]');
    expect(alert.text()).toContain(words);
    expect(alert.text()).toContain('Everything you typed is still in the form.');
    expect(
      (field('2026-11-003', 'comment').get('textarea').element as HTMLTextAreaElement).value,
    ).toBe('Kept words');
    await submit('2026-11-003');
    expect(outcomesOn(wiki)[0]!.comment).toBe('Kept words');
  });

  it('does not overwrite a report changed in another tab; saving again is then a choice', async () => {
    const wiki = roundWiki(LEARNER);
    wiki.put(PAGE, serialiseRecord(outcomeCodec, earlier), LEARNER);
    await mountRound(wiki, LEARNER, { openOutcome: '2026-11-004' });
    const theirs = serialiseRecord(outcomeCodec, { ...earlier, comment: 'From the other tab' });
    wiki.put(PAGE, theirs, LEARNER);
    await field('2026-11-004', 'comment').get('textarea').setValue('From this tab');
    await submit('2026-11-004');
    expect(wiki.pages.get(PAGE)!.content).toBe(theirs);
    const alert = toolsOf('2026-11-004').get('.letsconnect-notice[role="alert"]');
    expect(alert.text()).toContain('changed elsewhere');
    expect(alert.get('a').attributes('href')).toContain('action=history');
    expect(
      (field('2026-11-004', 'comment').get('textarea').element as HTMLTextAreaElement).value,
    ).toBe('From this tab');
    await submit('2026-11-004');
    expect(outcomesOn(wiki)[0]!.comment).toBe('From this tab');
  });

  it('re-applies the report when only another report on the page changed', async () => {
    const wiki = roundWiki(LEARNER);
    await mountRound(wiki, LEARNER, { openOutcome: '2026-11-004' });
    const other = { ...earlier, proposal: '2026-11-003', result: 'met' as const };
    wiki.put(PAGE, serialiseRecord(outcomeCodec, other), LEARNER);
    await radio('2026-11-004', 'result', 'Yes, we met').setValue(true);
    await submit('2026-11-004');
    expect(wiki.saves.map((s) => s.baseRevid)).toEqual([null, wiki.pages.get(PAGE)!.revid - 1]);
    expect(outcomesOn(wiki).map((o) => o.proposal)).toEqual(['2026-11-003', '2026-11-004']);
  });
});

describe('the link from the bot’s message', () => {
  it.each([
    ['2026-11-999', 'There is no proposal 2026-11-999 on this page.'],
    ['2026-11-002', 'You are not part of connection 2026-11-002'],
    ['2026-11-001', 'Connection 2026-11-001 has not been approved'],
  ])('explains why %s cannot be reported on', async (id, words) => {
    const { w } = await mountRound(roundWiki(LEARNER), LEARNER, { openOutcome: id });
    expect(w.text()).toContain(words);
    expect(document.querySelector('form')).toBeNull();
  });

  it('sends a reader who is not logged in to log in, and back to the form', async () => {
    const wiki = roundWiki(LEARNER);
    const { w } = await mountRound(wiki, null, { openOutcome: '2026-11-003' });
    expect(wiki.reads).toHaveLength(0);
    const link = w.get('a');
    expect(link.text()).toBe('Log in to tell us how your connection went');
    const url = new URL(link.attributes('href')!, 'https://meta.example');
    expect(url.searchParams.get('returnto')).toBe(ROUND);
    expect(url.searchParams.get('returntoquery')).toBe('letsconnect-outcome=2026-11-003');
  });

  it('tells a temporary account following the link why it cannot report, with links back to the form', async () => {
    const wiki = roundWiki(LEARNER);
    const { w } = await mountRound(wiki, null, { openOutcome: '2026-11-003', reader: TEMPORARY });
    expect(wiki.reads).toHaveLength(0);
    expectPromptFor(document.body, ROUND, 'letsconnect-outcome=2026-11-003');
    expect(w.text()).not.toContain('Log in to tell us how your connection went');
    expect(document.querySelector('form')).toBeNull();
    expect(document.querySelector('.letsconnect-proposal-tools button')).toBeNull();
  });

  it('is no shortcut past the working group: a member who is not a participant gets no form', async () => {
    const { w } = await mountRound(roundWiki(MEMBER), MEMBER, { openOutcome: '2026-11-003' });
    expect(w.text()).toContain('You are not part of connection 2026-11-003');
    expect(document.querySelector('form')).toBeNull();
  });
});
