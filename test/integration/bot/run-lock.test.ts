/**
 * Two runs of the bot on one wiki take turns (bot/run-lock.ts): a run that finds another one
 * going waits for it, and one that has waited long enough gives up with exit code 4, writing
 * nothing. The run "going" is this test holding the lock, as a run does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT } from '../../../bot/exit-codes';
import { holdRunLock, runLockPath } from '../../../bot/run-lock';
import { botEnv } from '../../support/local-wiki';
import { runBot } from '../../support/run-cli';

jest.setTimeout(300_000);

describe('letsconnect-bot runs take turns on a wiki (real local wiki)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-lock-it-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives up with exit code 4 and writes nothing while another run holds the wiki, then runs', async () => {
    const env: NodeJS.ProcessEnv = {
      ...botEnv(),
      LETSCONNECT_LOCK_DIR: dir,
      LETSCONNECT_LOCK_WAIT_MINUTES: '0',
    };
    const api = env.LETSCONNECT_API_URL!;
    const release = await holdRunLock(runLockPath(dir, api, 'LetsConnectBot'), 0);
    let refused;
    try {
      refused = await runBot(['directory'], env);
    } finally {
      release();
    }
    expect(refused.code).toBe(EXIT.LOCKED);
    expect(refused.stderr).toContain('Another run of the bot on this wiki is still going');
    expect(refused.stderr).toContain(`process ${process.pid} on ${os.hostname()}`);
    // It gave up before logging in: no task started, nothing read or written.
    expect(refused.stderr).not.toContain('Task directory');
    expect(refused.stdout).not.toContain('Summary');

    const ran = await runBot(['directory'], env);
    expect(ran.code).toBe(EXIT.OK);
    expect(ran.stdout).toContain('Summary');
    expect(ran.stderr).toContain('Task directory');
    // Its lock is gone with it.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('waits for the other run to finish, then runs', async () => {
    const env: NodeJS.ProcessEnv = {
      ...botEnv(),
      LETSCONNECT_LOCK_DIR: dir,
      LETSCONNECT_LOCK_WAIT_MINUTES: '2',
    };
    const release = await holdRunLock(
      runLockPath(dir, env.LETSCONNECT_API_URL!, 'LetsConnectBot'),
      0,
    );
    // Let go once the second run says it waits (a timer could fire before it even started);
    // if it never says so, it gives up after its 2 minutes and the test fails.
    let ran;
    try {
      ran = await runBot(['directory'], env, (stderr) => {
        if (stderr.includes('Waiting up to')) release();
      });
    } finally {
      release();
    }
    expect(ran.code).toBe(EXIT.OK);
    expect(ran.stderr).toContain('Waiting up to 2 min for another run on this wiki to finish');
    // The wait is said once; the summary's time is the run's own, from when it took the lock.
    expect(ran.stderr).toMatch(/Waited \d+\.\d s for the other run to finish/);
    expect(ran.stdout).toContain('Summary');
  });
});
