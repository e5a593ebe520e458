/**
 * Faults: the whole pipeline (`letsconnect-bot run` on several dates, people acting in
 * between) behind a fault-injecting proxy, compared with the same scenario without faults:
 * same directory and documents, same proposals, each message exactly once, nothing people
 * wrote lost. Then the bot killed (SIGKILL) at random points and run again, and a wiki that
 * always fails, where the bot must give up with exit code 1 and say why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXIT } from '../../bot/exit-codes';
import { FAULT_KINDS, FaultProxy, seededRandom } from '../../test/support/fault-proxy';
import {
  compareEndStates,
  duplicateMessages,
  PipelineScenario,
  scenarioSteps,
  spawnBot,
  type EndState,
  type ScenarioStep,
} from '../../test/support/pipeline-scenario';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';

/** Where the faults section's own wiki listens unless told otherwise. */
export const FAULTS_WIKI_PORT = 8088;

interface Plan {
  faultRuns: number;
  crashRuns: number;
  rate: number;
  /** Bot runs per step before the scheduler gives up. */
  retryBudget: number;
}

const PLANS: Record<ReliabilityOptions['mode'], Plan> = {
  short: { faultRuns: 1, crashRuns: 1, rate: 0.1, retryBudget: 8 },
  full: { faultRuns: 3, crashRuns: 3, rate: 0.15, retryBudget: 10 },
};

interface StepDriver {
  /** Runs `letsconnect-bot run --now <now>` once; resolves with its exit code. */
  runBot(now: string): Promise<number | null>;
}

/** Runs every step: a bot step is re-run, as a scheduler would, until it exits 0. */
async function runSteps(
  scenario: PipelineScenario,
  steps: readonly ScenarioStep[],
  driver: StepDriver,
  budget: number,
  log: (line: string) => void,
): Promise<{ reruns: number; gaveUp: string[] }> {
  let reruns = 0;
  const gaveUp: string[] = [];
  for (const step of steps) {
    if (step.action) {
      await step.action(scenario);
      continue;
    }
    let code: number | null = null;
    for (let attempt = 1; attempt <= budget; attempt++) {
      code = await driver.runBot(step.now!);
      if (code === 0) break;
      reruns++;
      log(`  ${step.label}: exit ${code}, running it again (${attempt}/${budget})`);
    }
    if (code !== 0) gaveUp.push(step.label);
  }
  return { reruns, gaveUp };
}

export async function runFaults(
  options: ReliabilityOptions,
  port = Number(process.env.LETSCONNECT_FAULTS_WIKI_PORT ?? FAULTS_WIKI_PORT),
): Promise<Figure[]> {
  const { log } = options;
  const plan = PLANS[options.mode];
  const steps = scenarioSteps(options.mode);
  const random = seededRandom(options.seed * 7919);
  const scenario = await PipelineScenario.create(port, log);
  const proxy = await new FaultProxy({
    target: scenario.wiki.server,
    rate: 0,
    seed: options.seed,
    interfere: (title) => scenario.interfere(title),
    slowMs: 1200,
    retryAfter: 1,
  }).start();
  const env = { ...scenario.env, LETSCONNECT_API_URL: proxy.apiUrl };
  let lastRun: { stdout: string; stderr: string } = { stdout: '', stderr: '' };
  // LETSCONNECT_FAULTS_DUMP=<dir>: every bot run's output and every end state, to look into.
  const dumpDir = process.env.LETSCONNECT_FAULTS_DUMP;
  let runLabel = 'control';
  let runNumber = 0;
  const dump = (name: string, text: string) => {
    if (!dumpDir) return;
    fs.mkdirSync(path.join(dumpDir, runLabel), { recursive: true });
    fs.writeFileSync(path.join(dumpDir, runLabel, name.replace(/[/:]/g, '_')), text);
  };
  const dumpState = (state: EndState) => {
    for (const [title, text] of state.pages) dump(`page ${title}`, text);
    dump(
      'markers',
      [...state.markers]
        .map(([k, n]) => `${n} ${k}`)
        .sort()
        .join('\n'),
    );
  };
  const remember = (
    now: string,
    result: { code: number | null; stdout: string; stderr: string },
  ) => {
    lastRun = result;
    dump(
      `bot ${String(++runNumber).padStart(2, '0')} ${now} exit ${result.code}`,
      `${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  };
  const plainDriver: StepDriver = {
    async runBot(now) {
      const result = await spawnBot(['run', '--now', now], env).done;
      remember(now, result);
      return result.code;
    },
  };

  let duplicates = 0;
  let lost = 0;
  let differences = 0;
  let crashes = 0;
  let faultRuns = 0;
  const check = (label: string, control: EndState, state: EndState) => {
    const dups = duplicateMessages(state);
    const diffs = compareEndStates(control, state);
    duplicates += dups.length;
    lost += state.lost.length;
    differences += diffs.length;
    for (const line of [...dups, ...state.lost.map((t) => `lost ${t}`), ...diffs])
      log(`  ${label}: ${line}`);
  };

  try {
    // The control: the same scenario without faults, through the same proxy.
    let started = Date.now();
    const control0 = await runSteps(scenario, steps, plainDriver, 1, log);
    if (control0.gaveUp.length > 0)
      throw new Error(
        `The fault-free run failed at ${control0.gaveUp.join(', ')}:\n${lastRun.stderr}`,
      );
    const control = await scenario.endState();
    dumpState(control);
    duplicates += duplicateMessages(control).length;
    lost += control.lost.length;
    log(
      `fault-free run: ${proxy.apiRequests} API requests, ${control.markers.size} messages, ${control.pages.size} pages (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    const requestsPerRun = proxy.apiRequests;

    for (let i = 0; i < plan.faultRuns; i++) {
      started = Date.now();
      await scenario.reset();
      runLabel = `faults-${i + 1}`;
      const before = proxy.injected;
      proxy.reseed(options.seed * 1000 + i, plan.rate);
      const outcome = await runSteps(scenario, steps, plainDriver, plan.retryBudget, log);
      proxy.reseed(0, 0);
      faultRuns++;
      if (outcome.gaveUp.length > 0) {
        differences += outcome.gaveUp.length;
        log(`  faults ${i + 1}: gave up at ${outcome.gaveUp.join(', ')}:\n${lastRun.stderr}`);
      }
      const state = await scenario.endState();
      dumpState(state);
      check(`faults ${i + 1}`, control, state);
      log(
        `run under faults ${i + 1}: ${proxy.injected - before} faults, ${outcome.reruns} re-run(s) (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }

    for (let i = 0; i < plan.crashRuns; i++) {
      started = Date.now();
      await scenario.reset();
      runLabel = `crash-${i + 1}`;
      // Kill the bot at a random API request of the whole scenario, then once more in a later step.
      const killAt = new Set([1 + Math.floor(random() * requestsPerRun)]);
      if (options.mode === 'full') killAt.add(1 + Math.floor(random() * requestsPerRun));
      let seen = 0;
      const driver: StepDriver = {
        async runBot(now) {
          const { child, done } = spawnBot(['run', '--now', now], env);
          const onRequest = () => {
            seen++;
            if (killAt.has(seen) && child.exitCode === null && child.signalCode === null) {
              child.kill('SIGKILL');
              crashes++;
            }
          };
          proxy.onApiRequest = onRequest;
          const result = await done;
          proxy.onApiRequest = undefined;
          remember(now, result);
          return result.signal ? 137 : result.code;
        },
      };
      const outcome = await runSteps(scenario, steps, driver, plan.retryBudget, log);
      if (outcome.gaveUp.length > 0) differences += outcome.gaveUp.length;
      const state = await scenario.endState();
      dumpState(state);
      check(`crash ${i + 1}`, control, state);
      log(
        `crash run ${i + 1}: killed at request(s) ${[...killAt].join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }

    // A wiki that always fails: the bot must give up with a clear non-zero code and message.
    proxy.reseed(options.seed, 1, ['5xx', 'maxlag', 'drop']);
    const givenUp = await spawnBot(['run', '--now', '2026-11-05T12:00Z'], env).done;
    proxy.reseed(0, 0, FAULT_KINDS);
    const message = givenUp.stderr.trim().split('\n').pop() ?? '';
    const clear =
      givenUp.code === EXIT.FAILED &&
      /^letsconnect-bot: \S.{10,}/.test(message) &&
      !/\n\s+at /.test(givenUp.stderr);
    log(
      `edit conflicts injected: ${proxy.counts.editconflict}, answered as conflicts by the wiki itself: ${proxy.wikiConflicts}`,
    );
    log(`always failing: exit ${givenUp.code}, "${message}"`);

    return [
      { measure: 'runs under faults', value: faultRuns },
      ...FAULT_KINDS.map((kind) => ({
        measure: `faults injected: ${kind}`,
        value: proxy.counts[kind],
      })),
      { measure: 'crashes (SIGKILL) injected', value: crashes },
      { measure: 'duplicate messages', value: duplicates, target: 0 },
      { measure: 'lost records', value: lost, target: 0 },
      { measure: 'end-state differences from the fault-free run', value: differences, target: 0 },
      { measure: 'give-up exit code correct (1 = yes)', value: clear ? 1 : 0, target: 1 },
    ];
  } finally {
    await proxy.stop();
    await scenario.stop();
  }
}

export const faultsSection: ReliabilitySection = {
  name: 'faults',
  run: (options) => runFaults(options),
};
