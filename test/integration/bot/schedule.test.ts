import { TASKS } from '../../../bot/runner';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { REPO_DIR } from '../../../scripts/wiki/config';
import { botEnv } from '../../support/local-wiki';

jest.setTimeout(90_000);

describe('letsconnect-bot schedule', () => {
  it('runs on its schedule, never two runs at once, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), 'schedule', '--dry-run'],
      {
        // Every second: ticks come faster than a run ends, so overlapping would show.
        env: { ...botEnv(), LETSCONNECT_SCHEDULE: '* * * * * *', LETSCONNECT_LOG_FORMAT: 'json' },
        cwd: REPO_DIR,
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const finished = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No two runs in time:\n${stderr}`)), 60_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if ((stderr.match(/Scheduled run finished/g) ?? []).length >= 2) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    expect(await finished).toBe(0);

    const events = stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { message: string })
      .map((e) => e.message)
      .filter((m) => m.startsWith('Scheduled run') || m === 'Stopped');
    // started, finished, started, finished, ... : a run never starts while another is going.
    const runs = events.filter((m) => m.startsWith('Scheduled run'));
    runs.forEach((m, i) =>
      expect(m).toBe(i % 2 === 0 ? 'Scheduled run started' : 'Scheduled run finished'),
    );
    expect(events[events.length - 1]).toBe('Stopped');
    // Every task, in the order `run` takes them.
    expect(stdout).toContain(`Summary (${Object.keys(TASKS).join(', ')}, dry run)`);
  });
});
