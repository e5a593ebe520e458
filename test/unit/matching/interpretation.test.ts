/**
 * Pairs bridged by interpretation: who may be paired (no common language, each speaks one of
 * the round's interpretation languages), that such a pair always scores below any pair with
 * a common language, that it is off by default, and how it is flagged on the round page and
 * in the introduction.
 */
import { expandLabelCalls } from '../../support/label-calls';
import { emptyRound } from '../../../bot/connections/rounds';
import { bridgedProposals } from '../../../bot/match/interpretation-flag';
import { speaker } from '../../../bot/match/reasons';
import { renderRoundPage } from '../../../bot/match/round-page';
import { renderMessage } from '../../../bot/notify/messages';
import { problemOf } from '../../../shared/matching/candidates';
import { buildGraph } from '../../../shared/matching/scan';
import { DEFAULT_MATCH_WEIGHTS, matchConfig } from '../../../shared/matching/config';
import { matchRound } from '../../../shared/matching/engine';
import {
  preparePeople,
  readHistory,
  roundIndex,
  topicCategories,
} from '../../../shared/matching/people';
import type { MatchPerson } from '../../../shared/matching/types';
import { DEFAULT_ROOT } from '../../../shared/program';
import type { Proposal } from '../../../shared/records/proposal';
import { sampleProfiles } from '../../../shared/sample/profiles';
import { Random } from '../../../shared/sample/random';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { matchFixture } from '../support/profile-fixture';

const ROUND = '2025-06';
const INTERPRETED = ['es', 'fr', 'ar', 'pt'];
const person = (username: string, over: Partial<MatchPerson> = {}): MatchPerson =>
  matchFixture(username, over);
const spanishLearner = (over: Partial<MatchPerson> = {}) =>
  person('Ana', { learn: ['fundraising'], ...over });
const frenchSharer = (name = 'Bea', over: Partial<MatchPerson> = {}) =>
  person(name, {
    share: ['fundraising'],
    connectionsPerMonth: 1,
    languages: [{ code: 'fr', level: 'N' }],
    ...over,
  });
const run = (people: MatchPerson[], interpretation: string[] = INTERPRETED) =>
  matchRound({ round: ROUND, people }, { config: matchConfig({ groups: false, interpretation }) });

describe('pairs bridged by interpretation', () => {
  it('are off by default: no common language, no pair', () => {
    const result = matchRound({ round: ROUND, people: [spanishLearner(), frenchSharer()] });
    expect(result.proposals).toEqual([]);
    expect(result.unmatched[0]?.reason.key).toBe('letsconnect-match-unmatched-no-language');
  });

  it('pair a learner and a sharer who each speak one of the round’s languages, flagged', () => {
    const result = run([spanishLearner(), frenchSharer()]);
    expect(result.proposals).toHaveLength(1);
    const p = result.proposals[0]!;
    expect(p).toMatchObject({
      sharer: 'Bea',
      learners: ['Ana'],
      languages: [],
      interpretation: { learner: 'es', sharer: 'fr' },
    });
    expect(p.reasons.map((r) => r.key)).toContain('letsconnect-match-reason-interpretation');
    expect(p.reasons.map((r) => r.key)).not.toContain('letsconnect-match-reason-languages');
  });

  it('need both languages listed, and workable', () => {
    expect(run([spanishLearner(), frenchSharer()], ['es', 'ar']).proposals).toEqual([]);
    const weak = frenchSharer('Bea', { languages: [{ code: 'fr', level: '1' }] });
    expect(run([spanishLearner(), weak]).proposals).toEqual([]);
    const german = frenchSharer('Bea', { languages: [{ code: 'de', level: 'N' }] });
    expect(run([spanishLearner(), german]).proposals).toEqual([]);
  });

  it('are not used for people with a common language (no flag on an ordinary pair)', () => {
    const both = frenchSharer('Bea', {
      languages: [
        { code: 'fr', level: 'N' },
        { code: 'es', level: '2' },
      ],
    });
    const [p] = run([spanishLearner(), both]).proposals;
    expect(p?.interpretation).toBeUndefined();
    expect(p?.languages).toEqual(['es']);
  });

  it('keep every other rule: formats and history', () => {
    const groupOnly = frenchSharer('Bea', { formats: ['small-group'] });
    expect(run([spanishLearner(), groupOnly]).proposals).toEqual([]);
    const declined = matchRound(
      {
        round: ROUND,
        people: [spanishLearner(), frenchSharer()],
        history: [
          { round: ROUND, proposal: 'x', learners: ['Ana'], sharer: 'Bea', status: 'declined' },
        ],
      },
      { config: matchConfig({ groups: false, interpretation: INTERPRETED }) },
    );
    expect(declined.proposals).toEqual([]);
  });

  it('lose to any pair with a common language, even a category-only fit', () => {
    // Ana's topic: Bea shares it in French only; Cid shares a topic of the same category
    // in Spanish (the fallback, the least a common-language pair is worth).
    const cid = person('Cid', { share: ['governance'], connectionsPerMonth: 1 });
    const [p] = run([spanishLearner(), frenchSharer(), cid]).proposals;
    expect(p?.sharer).toBe('Cid');
    expect(p?.interpretation).toBeUndefined();
  });

  it('score below every pair with a common language on random rounds', () => {
    const config = matchConfig({ groups: false, interpretation: ['es', 'fr', 'ar', 'pt', 'en'] });
    let bridged = 0;
    for (let seed = 0; seed < 40; seed++) {
      const people = sampleProfiles(new Random(300 + seed), 60, Date.UTC(2025, 5, 1));
      const history = readHistory([], roundIndex(ROUND) ?? 0, config.recentRounds);
      const { active } = preparePeople(people, ROUND, history, config);
      const graph = buildGraph(active, history, topicCategories(undefined), config);
      const p = problemOf(graph);
      let lowestCommon = Infinity;
      let highestBridged = -Infinity;
      for (let e = 0; e < p.edgeWeight.length; e++) {
        const w = p.edgeWeight[e] ?? 0;
        if (graph.edgeBridged.data[e] === 1) {
          bridged++;
          highestBridged = Math.max(highestBridged, w);
        } else lowestCommon = Math.min(lowestCommon, w);
      }
      expect(highestBridged).toBeLessThan(lowestCommon);
    }
    expect(bridged).toBeGreaterThan(0);
    // And by the weights' own arithmetic: the most a bridged pair gets, the least another.
    const w = DEFAULT_MATCH_WEIGHTS;
    const most =
      w.connection +
      w.interpretedTopicExact +
      w.waitCapRounds * w.interpretedWaitRound +
      w.interpretedOverlap;
    expect(most).toBeLessThan(w.connection + w.topicCategory);
    expect(w.connection + w.interpretedTopicCategory).toBeGreaterThan(w.loadStep * (3 - 1));
  });
});

describe('the flag for the working group and the people', () => {
  const taxonomy = defaultTaxonomy();
  const proposal = (id: string): Proposal => ({
    id,
    learners: ['Ana'],
    sharer: 'Bea',
    topic: 'fundraising',
    format: 'one-to-one',
    languages: ['es', 'fr'],
    score: 30,
    reason: '',
    status: 'approved',
    reviewer: 'Member',
    reviewed: '',
    note: '',
  });
  const doc = emptyRound('2026-11', '2026-11-01T00:00Z');
  doc.proposals = [proposal('2026-11-001'), { ...proposal('2026-11-002'), sharer: 'Cid' }];
  doc.reasons['2026-11-001'] = [
    { key: 'letsconnect-match-reason-topic-exact', params: ['fundraising'] },
    { key: 'letsconnect-match-reason-interpretation', params: ['es', 'fr'] },
  ];
  doc.reasons['2026-11-002'] = [{ key: 'letsconnect-match-reason-languages', params: ['es'] }];

  it('lists each bridged proposal on the round page with its two languages, by name', () => {
    const page = expandLabelCalls(renderRoundPage(speaker('en', taxonomy), doc, DEFAULT_ROOT));
    expect(page).toContain('== Needs an interpreter ==');
    // The language names are the label module's, in the reader's language.
    expect(page).toContain('* 2026-11-001: languages(es) ↔ languages(fr)');
    expect(page).not.toContain('* 2026-11-002:');
    const plain = { ...doc, reasons: { '2026-11-002': doc.reasons['2026-11-002']! } };
    expect(
      expandLabelCalls(renderRoundPage(speaker('en', taxonomy), plain, DEFAULT_ROOT)),
    ).not.toContain('Needs an interpreter');
  });

  it('finds the bridged proposals of a round for the introductions', () => {
    expect(bridgedProposals(doc)).toEqual([{ id: '2026-11-001', learner: 'es', sharer: 'fr' }]);
  });

  it('says in the introduction that an interpreter will be arranged, not "languages in common"', () => {
    const message = renderMessage(
      {
        key: 'intro:2026-11-001:Ana',
        kind: 'intro',
        user: 'Ana',
        round: '2026-11',
        proposal: proposal('2026-11-001'),
      },
      {
        root: DEFAULT_ROOT,
        now: new Date('2026-11-03T00:00:00Z'),
        people: new Map(),
        taxonomy,
        interpretation: { learner: 'es', sharer: 'fr' },
      },
    );
    expect(message.body).toContain(
      'the working group will arrange an interpreter between Spanish and French',
    );
    expect(message.body).not.toContain('Languages you have in common');
  });
});
