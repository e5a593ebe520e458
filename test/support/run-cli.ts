import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { REPO_DIR } from '../../scripts/wiki/config';

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
export function runBot(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return oneRunAtATime(env.LETSCONNECT_API_URL ?? '', () =>
    runNode(path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), args, env),
  );
}

/** Longer than any one bot run in a test takes on a loaded machine. */
const STALE_LOCK_MS = 20 * 60_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `work` while holding a lock on `wiki` shared by every jest worker (a directory, by mkdir). */
async function oneRunAtATime<T>(wiki: string, work: () => Promise<T>): Promise<T> {
  const name = createHash('sha1').update(wiki).digest('hex').slice(0, 12);
  const lock = path.join(os.tmpdir(), `letsconnect-bot-run-${name}.lock`);
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A holder that died (a killed jest worker) leaves its lock: take it over. So does one
      // older than any bot run in a test (its pid may since belong to another process).
      let holder = 0;
      let age = 0;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        // Just released, or its pid not written yet: try again.
      }
      if ((holder > 0 && !isAlive(holder)) || age > STALE_LOCK_MS)
        fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function runNode(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, cwd: REPO_DIR });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
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
