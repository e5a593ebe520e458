/**
 * Working group: reviews on a round page that readers could take as final although the bot
 * will not accept them. Seeded random trials (fast-check, no wiki) over the rules the bot and
 * the gadget share, so every run can be repeated with `--seed`.
 *
 * - Unverified reviews: a round written by the bot, then random edits by a working-group
 *   member, by people outside it (an administrator among them; some also set the `accepted`
 *   parameter the bot writes) and by the bot's own runs. At the end, every proposal whose
 *   status on the page is not the one the bot accepts (replay.ts) must read as pending in the
 *   template (`accepted` differs) or be marked by the gadget ("not by the working group");
 *   one shown as final is one accepted.
 * - Swaps to someone who cannot take the place (see swaps.ts).
 */
import fc from 'fast-check';
import { proposalsOn, replayRound, type RoundRevision } from '../../shared/connections/replay';
import { isPendingProposal, unverifiedProposals } from '../../shared/connections/unverified';
import { DEFAULT_BOT_NAME } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../shared/records/proposal';
import type { PageRevision } from '../../shared/wiki-client';
import { runSwapTrials } from './swaps';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

const MEMBER = 'Wg Member';
const AUTHORS = { member: MEMBER, outsider: 'Mallory', admin: 'Admin', bot: DEFAULT_BOT_NAME };
const IDS = ['2026-11-001', '2026-11-002', '2026-11-003'];

/**
 * How a proposal reads on the page: final (false) or not (true), given the proposals the
 * gadget marks. The rule under test, or another to show the count sees what it counts.
 */
export type ShownRule = (p: Proposal, marked: ReadonlySet<string>) => boolean;
export const shownUnverified: ShownRule = (p, marked) => isPendingProposal(p) || marked.has(p.id);

const editCase = fc.array(
  fc.record({
    who: fc.constantFrom('member', 'outsider', 'admin', 'bot') as fc.Arbitrary<
      keyof typeof AUTHORS
    >,
    proposal: fc.constantFrom(...IDS),
    status: fc.constantFrom('proposed', 'approved', 'declined') as fc.Arbitrary<Proposal['status']>,
    forgeAccepted: fc.boolean(),
  }),
  { minLength: 1, maxLength: 6 },
);

const pageText = (proposals: readonly Proposal[]) =>
  proposals.map((p) => serialiseRecord(proposalCodec, p)).join('\n');

const start = (id: string): Proposal => ({
  id,
  learners: ['Learner'],
  sharer: 'Sharer',
  topic: 'fundraising',
  format: 'one-to-one',
  languages: ['en'],
  score: 50,
  reason: '',
  status: 'proposed',
  accepted: 'proposed',
  reviewer: '',
  reviewed: '',
  note: '',
});

const trusted = (user: string) => user === MEMBER || user === DEFAULT_BOT_NAME;

/** The bot's reading of the page's whole history: the statuses it accepts. */
const acceptedBy = (revisions: readonly RoundRevision[]) =>
  new Map(
    replayRound({ lastrevid: 0, proposals: [] }, revisions, trusted).accepted.proposals.map((p) => [
      p.id,
      p,
    ]),
  );

/**
 * Reviews shown as final that the bot will not accept, over `runs` random histories.
 */
export function runUnverifiedTrials(
  runs: number,
  seed: number,
  rule: ShownRule = shownUnverified,
): { cases: number; accepted: number; examples: string[] } {
  let accepted = 0;
  const examples: string[] = [];
  for (const edits of fc.sample(editCase, { numRuns: runs, seed })) {
    const revisions: RoundRevision[] = [];
    const add = (user: string, proposals: readonly Proposal[]) =>
      revisions.push({
        revid: revisions.length + 1,
        user,
        timestamp: '',
        content: pageText(proposals),
      });
    add(DEFAULT_BOT_NAME, IDS.map(start));
    for (const e of edits) {
      const current = [...proposalsOn(revisions.at(-1)!.content).values()];
      if (e.who === 'bot') {
        // A bot run: the page rewritten from what it accepts, each status marked accepted.
        const ok = acceptedBy(revisions);
        add(
          DEFAULT_BOT_NAME,
          current.map((p) => {
            const a = ok.get(p.id) ?? p;
            return { ...a, accepted: a.status };
          }),
        );
        continue;
      }
      const user = AUTHORS[e.who];
      add(
        user,
        current.map((p) =>
          p.id !== e.proposal
            ? p
            : {
                ...p,
                status: e.status,
                reviewer: user,
                ...(e.who !== 'member' && e.forgeAccepted ? { accepted: e.status } : {}),
              },
        ),
      );
    }
    const truth = acceptedBy(revisions);
    const newestFirst: PageRevision[] = [...revisions]
      .reverse()
      .map((r) => ({ title: 'round', exists: true, ...r }));
    const marked = unverifiedProposals(
      newestFirst,
      (u) => u === DEFAULT_BOT_NAME,
      (u) => u === MEMBER,
    );
    let found = 0;
    for (const p of proposalsOn(revisions.at(-1)!.content).values()) {
      if (p.status === truth.get(p.id)?.status) continue;
      if (!rule(p, marked)) found++;
    }
    if (found > 0 && examples.length < 3) examples.push(JSON.stringify(edits));
    accepted += found;
  }
  return { cases: runs, accepted, examples };
}

export const workingGroupSection: ReliabilitySection = {
  name: 'working-group',
  run(options: ReliabilityOptions): Promise<Figure[]> {
    const runs = options.mode === 'short' ? 300 : 3000;
    const unverified = runUnverifiedTrials(runs, options.seed);
    for (const e of unverified.examples) options.log(`SHOWN AS FINAL ${e}`);
    options.log(`${unverified.cases} round histories tried`);
    const swaps = runSwapTrials(options.mode === 'short' ? 400 : 4000, options.seed);
    for (const e of swaps.examples) options.log(`SWAP ACCEPTED ${e}`);
    options.log(`${swaps.cases} swaps tried`);
    return Promise.resolve([
      {
        measure: 'unverified reviews shown as final',
        value: unverified.accepted,
        target: 0,
      },
      {
        measure: 'swaps to an ineligible or unknown account accepted',
        value: swaps.accepted,
        target: 0,
      },
      { measure: 'swaps to someone who fits refused', value: swaps.refused, target: 0 },
    ]);
  },
};
