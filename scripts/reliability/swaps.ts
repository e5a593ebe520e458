/**
 * Working group: swaps to someone who cannot take the place. Seeded random trials (no wiki):
 * a random directory, a proposal the engine itself made, and a working-group member swapping
 * one of its people for a random name (a listed person, someone unknown, a temporary account).
 * A swap is accepted when the gadget's check lets it be saved, or when the notifier would
 * introduce the newcomer. Whether the newcomer could really take the place is asked of an
 * independent judge: the matching engine, given only the pair (it proposes them or not).
 */
import fc from 'fast-check';
import { planNotifications } from '../../shared/connections/notify-plan';
import { swapProblems, swapped, type PairingContext } from '../../shared/connections/pairing-check';
import type { DirectoryEntry, MatchHistory } from '../../shared/documents/documents';
import { matchRound } from '../../shared/matching';
import { topicCategories } from '../../shared/matching/people';
import type { LanguageSkill } from '../../shared/records/profile';
import type { Proposal } from '../../shared/records/proposal';
import type { Format } from '../../shared/records/vocabulary';

const ROUND = '2026-11';
const TODAY = '2026-11-01';
/** Two topics of one category (the engine's category fallback) and one of another. */
const TOPICS = ['fundraising', 'partnerships', 'wikidata-basics'];
const CATEGORIES = topicCategories(undefined);
const LANGUAGES = ['en', 'es', 'ar'];
const LEVELS: Array<LanguageSkill['level']> = ['1', '2', '4', 'N'];
const FORMATS: Format[] = ['one-to-one', 'small-group'];
const OUTSIDERS = ['Nobody Here At All', '~2026-1513'];

const personCase = fc.record({
  languages: fc.uniqueArray(
    fc.record({ code: fc.constantFrom(...LANGUAGES), level: fc.constantFrom(...LEVELS) }),
    { selector: (l) => l.code, minLength: 1, maxLength: 2 },
  ),
  learn: fc.subarray(TOPICS),
  share: fc.subarray(TOPICS),
  formats: fc.subarray(FORMATS, { minLength: 1 }),
  connectionsPerMonth: fc.integer({ min: 0, max: 2 }),
  snoozed: fc.boolean(),
});

type PersonCase = typeof personCase extends fc.Arbitrary<infer T> ? T : never;

const trialCase = fc.record({
  people: fc.array(personCase, { minLength: 4, maxLength: 10 }),
  replaceSharer: fc.boolean(),
  newcomer: fc.nat(),
});

function entry(username: string, p: PersonCase): DirectoryEntry {
  return {
    username,
    groups: [],
    experience: '',
    region: '',
    country: '',
    languages: p.languages,
    learn: p.learn,
    share: p.share,
    learnOther: '',
    shareOther: '',
    formats: p.formats,
    timezone: '',
    availability: [],
    connectionsPerMonth: p.connectionsPerMonth,
    snoozeUntil: p.snoozed ? '2027-01-01' : '',
    updated: '',
    about: '',
    revid: 1,
  };
}

/** The judge: would the engine pair `learner` with `sharer` on `topic` in `format`? */
function engineWouldPair(
  sharer: DirectoryEntry,
  learner: DirectoryEntry,
  topic: string,
  format: Format | '',
): boolean {
  if (format !== '' && !(sharer.formats.includes(format) && learner.formats.includes(format)))
    return false;
  const category = CATEGORIES.get(topic);
  const result = matchRound(
    {
      round: ROUND,
      people: [
        { ...sharer, learn: [], share: sharer.share.includes(topic) ? [topic] : [] },
        {
          ...learner,
          share: [],
          learn: learner.learn.filter((t) => t === topic || CATEGORIES.get(t) === category),
        },
      ],
    },
    { taxonomy: undefined },
  );
  return result.proposals.some((p) => p.sharer === sharer.username && p.topic === topic);
}

export interface SwapTrials {
  cases: number;
  /** Swaps the judge rejects that the gadget would save or the bot would introduce. */
  accepted: number;
  /** Swaps the judge accepts that the gadget refused (an over-strict check). */
  refused: number;
  examples: string[];
}

/** `check` is the gadget's rule under test (another shows the count sees what it counts). */
export function runSwapTrials(
  runs: number,
  seed: number,
  check: typeof swapProblems = swapProblems,
): SwapTrials {
  let accepted = 0;
  let refused = 0;
  let cases = 0;
  const examples: string[] = [];
  for (const c of fc.sample(trialCase, { numRuns: runs, seed })) {
    const entries = c.people.map((p, i) => entry(`Person ${i + 1}`, p));
    const people = new Map(entries.map((e) => [e.username, e]));
    // A proposal the engine made itself, from the whole directory.
    const made = matchRound({ round: ROUND, people: entries }).proposals[0];
    if (!made) continue;
    cases++;
    const base: Proposal = {
      id: `${ROUND}-001`,
      learners: [made.learners[0]!],
      sharer: made.sharer,
      topic: made.topic,
      format: made.format,
      languages: made.languages,
      score: null,
      reason: '',
      status: 'approved',
      reviewer: 'Wg Member',
      reviewed: '',
      note: '',
    };
    const from = c.replaceSharer ? base.sharer : base.learners[0]!;
    const names = [...entries.map((e) => e.username), ...OUTSIDERS].filter(
      (n) => n !== base.sharer && n !== base.learners[0],
    );
    const to = names[c.newcomer % names.length]!;
    const after = swapped(base, from, to);
    const sharer = people.get(after.sharer);
    const learner = people.get(after.learners[0]!);
    const fits =
      sharer !== undefined &&
      learner !== undefined &&
      after.sharer !== after.learners[0] &&
      sharer.connectionsPerMonth > 0 &&
      engineWouldPair(sharer, learner, after.topic, after.format);
    const ctx: PairingContext = { people, round: [after], today: TODAY, categories: CATEGORIES };
    const saved = check(base, from, to, ctx).length === 0;
    const round: MatchHistory = {
      schemaVersion: 1,
      kind: 'match-history',
      generated: '',
      round: ROUND,
      lastrevid: 0,
      proposals: [after],
      reasons: {},
      unmatched: [],
      unmetDemand: [],
      rejected: [],
      messages: [],
      outcomes: { reported: 0, met: 0, scheduled: 0, notMet: 0, rated: 0, ratingSum: 0 },
    };
    const introduced = planNotifications({
      now: new Date(`${TODAY}T12:00:00Z`),
      rounds: [round],
      people,
      paused: new Map(),
      outcomes: new Map(),
      categories: CATEGORIES,
    }).messages.some((m) => m.user === to);
    if (!fits && (saved || introduced)) {
      accepted++;
      if (examples.length < 3)
        examples.push(JSON.stringify({ from, to, saved, introduced, after, people: c.people }));
    }
    if (fits && !saved) refused++;
  }
  return { cases, accepted, refused, examples };
}
