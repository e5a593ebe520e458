/**
 * npx tsx scripts/bench/matching.ts [sizes…]: the matching engine's time and score against
 * the greedy baseline, measured in the same run on the same sample profiles.
 */
import { matchRound, type MatchResult } from '../../shared/matching/index';
import { sampleProfiles } from '../../shared/sample/profiles';
import { Random } from '../../shared/sample/random';

const NOW = Date.UTC(2025, 5, 1);
const ROUND = '2025-06';
/** 100,000 only counts if it finishes within this (DESIGN.md: "under a minute"). */
const LARGE_BOUND_MS = 60_000;

function timed(run: () => MatchResult): { result: MatchResult; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function main(): void {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log(
    'profiles  learners  sharers  candidates  exact ms  greedy ms  exact score  greedy score  ratio  matched (exact/greedy)  memory MiB',
  );
  for (const size of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
    const people = sampleProfiles(new Random(42), size, NOW);
    const exact = timed(() => matchRound({ round: ROUND, people }));
    const greedy = timed(() => matchRound({ round: ROUND, people }, { solver: 'greedy' }));
    const matchedOf = (r: MatchResult) => r.proposals.reduce((n, p) => n + p.learners.length, 0);
    const s = exact.result.stats;
    console.log(
      [
        String(size).padStart(8),
        String(s.learners).padStart(9),
        String(s.sharers).padStart(8),
        String(s.candidates).padStart(11),
        exact.ms.toFixed(0).padStart(9),
        greedy.ms.toFixed(0).padStart(10),
        String(exact.result.objective).padStart(12),
        String(greedy.result.objective).padStart(13),
        (exact.result.objective / greedy.result.objective).toFixed(4).padStart(6),
        `${matchedOf(exact.result)}/${matchedOf(greedy.result)}`.padStart(23),
        (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0).padStart(11),
      ].join(' '),
    );
    if (size >= 100_000 && exact.ms > LARGE_BOUND_MS)
      console.log(`  over the ${LARGE_BOUND_MS / 1000} s bound`);
  }
}

main();
