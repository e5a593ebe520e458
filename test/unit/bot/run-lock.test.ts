import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  holdRunLock,
  runLockPath,
  RunLockedError,
  STALE_MS,
  type LockOwner,
} from '../../../bot/run-lock';

let dir: string;
let lock: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-lock-'));
  lock = runLockPath(dir, 'http://127.0.0.1:8080/w/api.php', 'LetsConnectBot');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A lock as another run left it: its owner, and when it was last touched. */
function planted(owner: LockOwner, touchedMsAgo: number): void {
  fs.mkdirSync(lock);
  fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify(owner));
  const when = new Date(Date.now() - touchedMsAgo);
  fs.utimesSync(lock, when, when);
}

/** The pid of a process that has ended. */
function goneProcess(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('run lock (one bot run at a time per wiki)', () => {
  it('is one per wiki and bot account', () => {
    expect(runLockPath(dir, 'http://a/w/api.php', 'Bot')).not.toBe(
      runLockPath(dir, 'http://b/w/api.php', 'Bot'),
    );
    expect(runLockPath(dir, 'http://a/w/api.php', 'Bot')).not.toBe(
      runLockPath(dir, 'http://a/w/api.php', 'OtherBot'),
    );
  });

  it('refuses a second run while the first holds it, naming the holder, and lets it in after', async () => {
    const release = await holdRunLock(lock, 0);
    const owner = JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8')) as LockOwner;
    expect(owner).toEqual({ pid: process.pid, host: os.hostname(), since: expect.any(String) });
    const second = holdRunLock(lock, 0);
    await expect(second).rejects.toBeInstanceOf(RunLockedError);
    await expect(second).rejects.toThrow(`process ${process.pid} on ${os.hostname()}`);
    await expect(second).rejects.toThrow(lock);
    release();
    expect(fs.existsSync(lock)).toBe(false);
    const again = await holdRunLock(lock, 0);
    expect(fs.existsSync(lock)).toBe(true);
    again();
  });

  it('waits for the holder to finish, telling once who it waits for', async () => {
    const release = await holdRunLock(lock, 0);
    setTimeout(release, 1_500);
    const waited: Array<LockOwner | null> = [];
    const started = Date.now();
    const second = await holdRunLock(lock, 20_000, (owner) => waited.push(owner));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(waited).toEqual([expect.objectContaining({ pid: process.pid })]);
    second();
  });

  it('takes over a lock whose process on this machine is gone', async () => {
    const pid = goneProcess();
    planted({ pid, host: os.hostname(), since: new Date().toISOString() }, 0);
    const release = await holdRunLock(lock, 0);
    expect(JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8')).pid).toBe(
      process.pid,
    );
    release();
  });

  it('takes over a lock from another machine only once it has not been touched for a while', async () => {
    const elsewhere = { pid: 1, host: 'another-job-container', since: '2026-12-01T00:00:00Z' };
    planted(elsewhere, 60_000);
    await expect(holdRunLock(lock, 0)).rejects.toThrow('another-job-container');
    fs.rmSync(lock, { recursive: true });
    planted(elsewhere, STALE_MS + 60_000);
    const release = await holdRunLock(lock, 0);
    expect(JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8')).host).toBe(
      os.hostname(),
    );
    release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves alone a lock another run took over from it', async () => {
    const release = await holdRunLock(lock, 0);
    const other = { pid: 1, host: 'another-job-container', since: new Date().toISOString() };
    fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify(other));
    release();
    expect(JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8'))).toEqual(other);
  });
});
