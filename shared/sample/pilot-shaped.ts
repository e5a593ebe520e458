/**
 * A directory shaped like a real program rather than spread evenly, for the matching
 * benchmark and its exactness check: the pilot's five top skills asked for far more often
 * than the rest (and shared less often than asked for), English spoken by most, about a
 * third of people sharing with small capacities (0–3 a month), and a history of earlier
 * rounds for about 30 % of people. Names, places, times and formats come from the sample
 * profiles. It is where candidate pruning hurts: popular topics have thousands of sharers.
 */
import type { HistoryPair } from '../documents/documents';
import type { LanguageSkill, Profile } from '../records/profile';
import { DEFAULT_TOPICS } from '../taxonomy/default-topics';
import { sampleProfiles } from './profiles';
import type { Random } from './random';

/** Top skills first, then the others by a Zipf-like fall-off. */
function skewed(featuredWeight: number): ReadonlyArray<readonly [string, number]> {
  const featured = DEFAULT_TOPICS.filter((t) => t.featured);
  const rest = DEFAULT_TOPICS.filter((t) => !t.featured);
  return [
    ...featured.map((t, i) => [t.id, featuredWeight / (1 + i / 2)] as const),
    ...rest.map((t, i) => [t.id, 6 / (2 + i)] as const),
  ];
}

const WANTED = skewed(40);
/** Sharing is less skewed than wanting: the popular topics are the scarce ones. */
const SHARED = skewed(12);

function draw(
  rng: Random,
  weights: ReadonlyArray<readonly [string, number]>,
  n: number,
  avoid: readonly string[] = [],
): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    const id = rng.weighted(weights);
    if (!avoid.includes(id)) out.add(id);
  }
  return [...out];
}

function languages(rng: Random, own: LanguageSkill[]): LanguageSkill[] {
  const first = own[0] ?? { code: 'en', level: 'N' };
  const out: LanguageSkill[] = [first];
  if (first.code !== 'en' && rng.chance(0.85))
    out.push({ code: 'en', level: rng.pick(['2', '3', '4', '4', 'N'] as const) });
  for (const l of own.slice(1)) if (l.code !== 'en' && rng.chance(0.3)) out.push(l);
  return out;
}

const monthShift = (round: string, delta: number): string => {
  const [y, m] = round.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + delta;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export interface PilotShapedRound {
  people: Profile[];
  history: HistoryPair[];
}

/** `count` people for round `round` (YYYY-MM), with the history of the rounds before it. */
export function pilotShapedRound(rng: Random, count: number, round: string): PilotShapedRound {
  const [y, m] = round.split('-').map(Number) as [number, number];
  const now = Date.UTC(y, m - 1, 1);
  const people = sampleProfiles(rng, count, now).map((p): Profile => {
    const learn = draw(
      rng,
      WANTED,
      rng.weighted([
        [1, 45],
        [2, 35],
        [3, 20],
      ] as const),
    );
    const sharing = rng.chance(1 / 3);
    const share = sharing ? draw(rng, SHARED, rng.int(1, 2), learn) : [];
    return {
      ...p,
      learn,
      share,
      languages: languages(rng, p.languages),
      connectionsPerMonth: sharing
        ? rng.weighted([
            [0, 10],
            [1, 50],
            [2, 30],
            [3, 10],
          ] as const)
        : 0,
      // Everyone here is in the round: who is left out and why is tested elsewhere.
      listed: true,
      withdrawn: false,
      snoozeUntil: '',
    };
  });
  // Earlier rounds paired people on topics they want, so history blocks pairs that matter.
  const sharersOf = new Map<string, Profile[]>();
  for (const p of people)
    for (const t of p.share) sharersOf.set(t, [...(sharersOf.get(t) ?? []), p]);
  const history: HistoryPair[] = [];
  for (const p of people) {
    if (!rng.chance(0.3)) continue;
    for (let k = rng.int(1, 3); k > 0; k--) {
      const of = sharersOf.get(rng.pick(p.learn)) ?? [];
      if (of.length === 0) continue;
      const sharer = rng.pick(of);
      if (sharer.username === p.username) continue;
      history.push({
        round: monthShift(round, -rng.int(1, 9)),
        proposal: `h${history.length}`,
        learners: [p.username],
        sharer: sharer.username,
        status: rng.weighted([
          ['notified', 60],
          ['approved', 15],
          ['declined', 25],
        ] as const),
      });
    }
  }
  return { people, history };
}
