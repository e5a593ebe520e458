import { expandLabelCalls } from '../../support/label-calls';
import { emptyRound } from '../../../bot/connections/rounds';
import { speaker } from '../../../bot/match/reasons';
import { renderRoundPage } from '../../../bot/match/round-page';
import type { Schedule } from '../../../shared/matching/meeting-times';
import { talkPageTitle } from '../../../shared/pages';
import { parseRecords } from '../../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { DEFAULT_ROOT } from '../../../shared/program';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';

describe('the round page', () => {
  it('says who reviews and where to ask to join, not only that buttons come with the gadget', () => {
    const page = expandLabelCalls(
      renderRoundPage(
        speaker('en', defaultTaxonomy()),
        emptyRound('2026-11', '2026-11-01T00:00Z'),
        DEFAULT_ROOT,
      ),
    );
    expect(page).toContain('Connections proposed for November 2026.');
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

  it('writes when each proposal’s people can meet, in UTC and their own zones, from their profiles', () => {
    const doc = emptyRound('2026-12', '2026-12-01T00:00Z');
    const proposal: Proposal = {
      id: '2026-12-001',
      learners: ['Kabazu kaan'],
      sharer: 'Anel',
      topic: 'fundraising',
      format: 'one-to-one',
      languages: ['en'],
      score: 70,
      reason: '',
      status: 'proposed',
      reviewer: '',
      reviewed: '',
      note: '',
      // Written by an earlier run for other people: said again from the profiles.
      meeting: { utc: 'mon 01-02', local: { Someone: 'Europe/Rome mon 02-03' } },
    };
    doc.proposals = [proposal];
    const people = new Map<string, Schedule>([
      [
        'Anel',
        {
          username: 'Anel',
          timezone: 'Africa/Nairobi',
          availability: [{ days: 'weekdays', from: 17, to: 21 }],
        },
      ],
      [
        'Kabazu kaan',
        {
          username: 'Kabazu kaan',
          timezone: 'Europe/Paris',
          availability: [{ days: 'tue', from: 14, to: 20 }],
        },
      ],
    ]);
    const page = renderRoundPage(speaker('en', defaultTaxonomy()), doc, DEFAULT_ROOT, people);
    const [written] = parseRecords(proposalCodec, page).map((r) => r.record);
    expect(written?.meeting).toEqual({
      utc: 'tue 14-18',
      local: { Anel: 'Africa/Nairobi tue 17-21', 'Kabazu kaan': 'Europe/Paris tue 15-19' },
    });
    // Without the people's profiles, no times: nothing stale is written.
    expect(renderRoundPage(speaker('en', defaultTaxonomy()), doc, DEFAULT_ROOT)).not.toContain(
      'times=',
    );
  });
});
