/**
 * The working group's review queue on a round page (gadget/views/connections/ReviewQueue):
 * counts, filters in words, one edit for many decisions, and a proposal someone else changed
 * meanwhile reported and left as they made it.
 */
import { DOMWrapper, flushPromises } from '@vue/test-utils';
import { nextTick } from 'vue';
import { replaceRecord, parseRecords } from '../../../shared/records/codec';
import { proposalCodec } from '../../../shared/records/proposal';
import {
  LEARNER,
  MEMBER,
  ROUND,
  buttonIn,
  click,
  mountRound,
  proposalsOn,
  roundWiki,
} from './round-fixture';

afterEach(() => {
  document.body.innerHTML = '';
});

const queue = () => new DOMWrapper(document.querySelector<HTMLElement>('.letsconnect-queue')!);
const rowOf = (id: string) => queue().get(`.letsconnect-queue__row[data-proposal="${id}"]`);
const shownIds = () =>
  queue()
    .findAll('.letsconnect-queue__row')
    .map((r) => r.attributes('data-proposal'));
const reviewedText = () => queue().get('.letsconnect-queue__reviewed').text();

async function choose(id: string): Promise<void> {
  await rowOf(id).get('input[type="checkbox"]').setValue(true);
  await flushPromises();
}

async function typeName(text: string): Promise<void> {
  await queue().get('.letsconnect-queue__filter--name input').setValue(text);
  await flushPromises();
}

describe('the review queue', () => {
  it('stands in for the list for a member: counts by status, rows in words, the page one click away', async () => {
    const { content } = await mountRound(roundWiki(MEMBER), MEMBER, { view: 'queue' });
    expect(content.classList.contains('letsconnect-round--queue')).toBe(true);
    expect(reviewedText()).toBe('3 of 5 reviewed');
    expect(
      queue()
        .findAll('.letsconnect-queue__by-status li')
        .map((li) => li.text()),
    ).toEqual(['proposed: 2', 'approved: 1', 'participants notified: 1', 'cancelled: 1']);
    expect(shownIds()).toHaveLength(5);
    // The topic in words, never its id; settled proposals cannot be chosen.
    expect(rowOf('2026-11-002').text()).toContain(
      'Fundraising: Learner Two and Learner Three learning from Sharer Two',
    );
    expect(queue().text()).not.toMatch(/\bfundraising\b/);
    expect(rowOf('2026-11-004').find('input[type="checkbox"]').exists()).toBe(false);

    // Details: the reasons and the proposal's own controls.
    const expand = rowOf('2026-11-001').get('.letsconnect-queue__expand');
    expect(expand.attributes('aria-expanded')).toBe('false');
    await expand.trigger('click');
    expect(expand.attributes('aria-expanded')).toBe('true');
    const details = rowOf('2026-11-001').get('.letsconnect-queue__details');
    expect(details.text()).toContain('Why the bot proposed it');
    expect(details.text()).toContain('Both want fundraising.');
    expect(details.text()).toContain('English');
    expect(buttonIn(details, 'Approve').exists()).toBe(true);

    await click(queue(), 'Show the page as everyone reads it');
    expect(document.querySelector('.letsconnect-queue')).toBeNull();
    expect(content.classList.contains('letsconnect-round--queue')).toBe(false);
    await click(new DOMWrapper(document.body), 'Back to the review queue');
    expect(document.querySelector('.letsconnect-queue')).not.toBeNull();
  });

  it('filters by part of a name, and chooses all that are shown that can be decided', async () => {
    await mountRound(roundWiki(MEMBER), MEMBER, { view: 'queue' });
    await typeName('learner t');
    expect(shownIds()).toEqual(['2026-11-002']);
    expect(queue().get('.letsconnect-queue__shown').text()).toBe('Showing 1 of 5 proposals.');
    await typeName('nobody');
    expect(queue().text()).toContain('No proposal matches these filters.');
    await click(queue(), 'Clear the filters');
    await click(queue(), 'Choose all 5 shown');
    // Only those that can still be decided.
    expect(queue().get('.letsconnect-queue__selected').text()).toBe('3 proposals chosen');
  });

  it('approves the chosen proposals in one edit, and the counts move', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER, { view: 'queue' });
    await choose('2026-11-001');
    await choose('2026-11-002');
    await click(queue(), 'Approve (2)');
    expect(wiki.saves).toHaveLength(1);
    expect(wiki.saves[0]!.summary).toBe("Let's Connect: approve 2 proposals");
    const saved = proposalsOn(wiki);
    for (const id of ['2026-11-001', '2026-11-002'])
      expect(saved.get(id)).toMatchObject({ status: 'approved', reviewer: MEMBER });
    expect(queue().text()).toContain('2 proposals approved.');
    expect(reviewedText()).toBe('5 of 5 reviewed');
    expect(queue().get('.letsconnect-queue__selected').text()).toBe('0 proposals chosen');
    // The page under the queue shows the new statuses too.
    expect(
      document.querySelector<HTMLElement>('.letsconnect-proposal[data-proposal="2026-11-001"]')
        ?.dataset.status,
    ).toBe('approved');
  });

  it('reports a proposal another member changed meanwhile, keeps it chosen, and saves the rest', async () => {
    const wiki = roundWiki(MEMBER);
    await mountRound(wiki, MEMBER, { view: 'queue' });
    await choose('2026-11-001');
    await choose('2026-11-002');
    // Another member declines 002 after the queue was read.
    const text = wiki.pages.get(ROUND)!.content;
    const found = parseRecords(proposalCodec, text).find((r) => r.record.id === '2026-11-002')!;
    wiki.put(
      ROUND,
      replaceRecord(proposalCodec, text, found, {
        ...found.record,
        status: 'declined',
        reviewer: 'Other Member',
      }),
      'Other Member',
    );
    // What the member sees while each attempt saves.
    const progress: string[] = [];
    const save = wiki.save.bind(wiki);
    wiki.save = async (...args: Parameters<typeof save>) => {
      await nextTick();
      progress.push(queue().get('.letsconnect-queue__progress').text());
      return save(...args);
    };
    await click(queue(), 'Approve (2)');
    expect(progress).toEqual([
      'Saving 2 decisions in one edit…',
      'Someone else saved the page meanwhile: reading it again and applying your decisions to it (attempt 2 of 3)…',
    ]);
    expect(queue().find('.letsconnect-queue__progress').exists()).toBe(false);
    // The first try met the conflict; the second, on the page read again, saved 001 only.
    expect(wiki.saves.map((s) => s.summary)).toEqual([
      "Let's Connect: approve 2 proposals",
      "Let's Connect: approve 2 proposals",
    ]);
    const saved = proposalsOn(wiki);
    expect(saved.get('2026-11-001')).toMatchObject({ status: 'approved', reviewer: MEMBER });
    expect(saved.get('2026-11-002')).toMatchObject({
      status: 'declined',
      reviewer: 'Other Member',
    });
    expect(queue().text()).toContain('One proposal approved.');
    expect(queue().text()).toContain(
      'One proposal was not saved; it stays chosen, with the reason.',
    );
    expect(rowOf('2026-11-002').get('.letsconnect-queue__failure').text()).toContain(
      'someone else changed this proposal meanwhile (it is now declined)',
    );
    expect(
      (rowOf('2026-11-002').get('input[type="checkbox"]').element as HTMLInputElement).checked,
    ).toBe(true);
    expect(queue().get('.letsconnect-queue__selected').text()).toBe('1 proposal chosen');
  });

  it('is not there for someone outside the working group, who reads the page as it is', async () => {
    const { content } = await mountRound(roundWiki(LEARNER), LEARNER, { view: 'queue' });
    expect(document.querySelector('.letsconnect-queue')).toBeNull();
    expect(content.classList.contains('letsconnect-round--queue')).toBe(false);
  });
});
