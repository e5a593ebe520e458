import { emptyRound } from '../../../bot/connections/rounds';
import { speaker } from '../../../bot/match/reasons';
import { renderRoundPage } from '../../../bot/match/round-page';
import { talkPageTitle } from '../../../shared/pages';
import { parseRecords } from '../../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { DEFAULT_ROOT } from '../../../shared/program';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';

describe('the round page', () => {
  it('says who reviews and where to ask to join, not only that buttons come with the gadget', () => {
    const page = renderRoundPage(
      speaker('en', defaultTaxonomy()),
      emptyRound('2026-11', '2026-11-01T00:00Z'),
      DEFAULT_ROOT,
    );
    const intro = page.split('\n')[0]!;
    expect(intro).toContain(`working group ([[:${DEFAULT_ROOT}/Working group|`);
    expect(intro).toContain('administrators included, gets no buttons');
    expect(intro).toContain(
      `ask to join the working group on [[:${DEFAULT_ROOT.replace(':', ' talk:')}/Working group|`,
    );
    expect(intro).not.toContain('buttons appear with');
  });

  it('names the talk page of a page with its namespace', () => {
    expect(talkPageTitle('Grants:Knowledge Sharing/Connect/Working group')).toBe(
      'Grants talk:Knowledge Sharing/Connect/Working group',
    );
    expect(talkPageTitle('User:Bot/x')).toBe('User talk:Bot/x');
    expect(talkPageTitle('Plain')).toBe('Talk:Plain');
  });

  it('writes every proposal with the status it accepted, which the template shows as final', () => {
    const doc = emptyRound('2026-11', '2026-11-01T00:00Z');
    const p = (id: string, status: Proposal['status']): Proposal => ({
      id,
      learners: ['L'],
      sharer: 'S',
      topic: 'fundraising',
      format: '',
      languages: [],
      score: null,
      reason: '',
      status,
      reviewer: status === 'approved' ? 'Member' : '',
      reviewed: '',
      note: '',
    });
    doc.proposals = [p('2026-11-001', 'approved'), p('2026-11-002', 'proposed')];
    const page = renderRoundPage(speaker('en', defaultTaxonomy()), doc, DEFAULT_ROOT);
    const written = parseRecords(proposalCodec, page).map((r) => r.record);
    expect(written.map((w) => [w.status, w.accepted])).toEqual([
      ['approved', 'approved'],
      ['proposed', 'proposed'],
    ]);
  });
});
