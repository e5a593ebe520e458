/**
 * Clinic notices: reminders and moved-up notices on a wiki of its own
 * (test/support/clinic-notices-scenario.ts), the bot's `clinics` task killed (SIGKILL) at
 * seeded random API requests of every run, its edits in flight still reaching the wiki, and run
 * again until it finishes. Counted on every talk page: a reminder or moved-up marker found more
 * than once is a duplicate; a bot revision on a page that says {{nobots}} or
 * {{bots|deny=<bot>}} is a message to a page that refuses it.
 */
import {
  ClinicNoticesScenario,
  FIRST_RUN,
  LATER_RUNS,
} from '../../test/support/clinic-notices-scenario';
import { seededRandom } from '../../test/support/fault-proxy';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

export async function runClinicNotices(
  options: ReliabilityOptions & { port: number },
): Promise<Figure[]> {
  const random = seededRandom(options.seed);
  const trials = options.mode === 'short' ? 1 : 3;
  let runs = 0;
  let kills = 0;
  let duplicateReminders = 0;
  let duplicateMoves = 0;
  let reminders = 0;
  let refused = 0;
  for (let trial = 0; trial < trials; trial++) {
    const scenario = await new ClinicNoticesScenario().start(options.port);
    try {
      const steps = [FIRST_RUN, 'cancel', ...LATER_RUNS];
      for (const step of steps) {
        if (step === 'cancel') {
          scenario.cancelXTwo();
          continue;
        }
        // Most runs make 20 to 60 API requests: a kill point among the first 60.
        const killAt = 1 + Math.floor(random() * 60);
        options.log(`trial ${trial + 1}, run at ${step}: kill at request ${killAt}`);
        await scenario.runUntilDone(step, (n) => n === killAt);
      }
      const state = await scenario.state();
      for (const [key, n] of state.markers) {
        if (key.includes(': remind:')) {
          reminders++;
          if (n > 1) duplicateReminders += n - 1;
        }
        if (key.includes(': moved-up:') && n > 1) duplicateMoves += n - 1;
        if (n > 1) options.log(`  duplicate: ${key} ×${n}`);
      }
      refused += state.refusedPagesWritten;
      runs += scenario.runs;
      kills += scenario.kills;
    } finally {
      await scenario.stop();
    }
  }
  return [
    { measure: 'clinic task runs (killed ones included)', value: runs },
    { measure: 'clinic task kills (SIGKILL)', value: kills },
    { measure: 'clinic reminders on talk pages', value: reminders },
    { measure: 'duplicate reminders', value: duplicateReminders, target: 0 },
    { measure: 'duplicate moved-up notices', value: duplicateMoves, target: 0 },
    { measure: 'reminders and notices to {{nobots}} pages', value: refused, target: 0 },
  ];
}

export const clinicNoticesSection: ReliabilitySection = {
  name: 'clinic-notices',
  run: (options) => runClinicNotices({ ...options, port: 8162 }),
};
