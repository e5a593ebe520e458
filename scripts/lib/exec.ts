import { spawnSync, type SpawnSyncOptions } from 'node:child_process';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  /** Print the command's output as it runs (default: capture it and show it only on failure). */
  inherit?: boolean;
}

/** Runs a command to completion; throws with its output when it fails. Returns stdout. */
export function run(cmd: string, args: readonly string[], options: RunOptions = {}): string {
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: options.inherit ? ['pipe', 'inherit', 'inherit'] : 'pipe',
  };
  const result = spawnSync(cmd, args, spawnOptions);
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const output = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim();
    throw new Error(
      `${cmd} ${args.join(' ')} exited with ${result.status}${output ? `:\n${output}` : ''}`,
    );
  }
  return String(result.stdout ?? '');
}

/** Like run(), but returns false instead of throwing when the command fails. */
export function succeeds(cmd: string, args: readonly string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}
