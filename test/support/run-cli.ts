import path from 'node:path';
import { spawn } from 'node:child_process';
import { REPO_DIR } from '../../scripts/wiki/config';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the operator's executable as an operator would, and collects what it printed. */
export function runBot(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return runNode(path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), args, env);
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
