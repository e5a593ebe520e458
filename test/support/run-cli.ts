import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { REPO_DIR } from '../../scripts/wiki/config';
import { holdRunLock, runLockPath } from '../../bot/run-lock';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator's executable as an operator would, and collects what it printed: one run at
 * a time on a wiki, as under the operator's schedule. Test files run in parallel share the e2e
 * wiki; two bot runs overlapping there would each write what they read before the other saved
 * (a run without the Capacity Exchange writing the directory over one with it, say), which no
 * operator's wiki sees.
 */
export function runBot(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onStderr?: (soFar: string) => void,
): Promise<CliResult> {
  return oneRunAtATime(env.LETSCONNECT_API_URL ?? '', () =>
    runNode(path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), args, env, onStderr),
  );
}

/** Longer than all the bot runs queued behind one on the e2e wiki take on a loaded machine. */
const QUEUE_WAIT_MS = 60 * 60_000;

/**
 * `work` while holding a lock on `wiki` (its API address) shared by every jest worker: the bot's
 * own run lock (bot/run-lock.ts), under a name of the tests' own, since the jest worker holds it
 * for the whole run of its child (and for dry runs and commands that take no lock of their own).
 * A test that sets a page the bot writes and then relies on it runs that part here too, so no
 * bot run from another test file writes the page over meanwhile.
 */
export async function oneRunAtATime<T>(wiki: string, work: () => Promise<T>): Promise<T> {
  const release = await holdRunLock(runLockPath(os.tmpdir(), wiki, 'jest-workers'), QUEUE_WAIT_MS);
  try {
    return await work();
  } finally {
    release();
  }
}

/** Runs a Node script; `onStderr` sees its stderr so far as it comes (to act on a log line). */
export function runNode(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onStderr?: (soFar: string) => void,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, cwd: REPO_DIR });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the bot and returns its stdout; a non-zero exit fails the test with what it printed. */
export async function runBotOk(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runBot(args, env);
  if (result.code !== 0) throw new Error(`bot ${args.join(' ')}: ${result.code}\n${result.stderr}`);
  return result.stdout;
}

/** The summary's "edits made" figure. */
export const editsMade = (stdout: string): number =>
  Number(/edits made\s+(\d+)/.exec(stdout)?.[1] ?? NaN);
