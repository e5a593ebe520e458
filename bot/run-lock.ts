/**
 * One run at a time per wiki and bot account. Two runs that overlap (a scheduled job that
 * starts while an operator's run is still going, or a run that outlasts its schedule) would
 * each write what they read before the other saved, and could leave the same message on a
 * talk page twice.
 *
 * The lock is a directory, made by mkdir (atomic, also on the NFS home a Toolforge tool's jobs
 * share), named after the wiki's API address and the bot's name, holding who took it. The
 * holder touches it every `HEARTBEAT_MS`; a lock not touched for `STALE_MS` belongs to a run
 * that died (killed, its machine gone) and is taken over, and so is one whose holder is a
 * process of this machine that no longer exists. A run that finds the lock held waits for it,
 * up to the time it was given, then gives up without writing anything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How often the holder says it is alive, and how long silence means it is not. */
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 5 * 60_000;
const POLL_MS = 250;

export interface LockOwner {
  pid: number;
  host: string;
  /** When the run took the lock (ISO). */
  since: string;
}

/** Another run holds the lock and did not let go in the time this one was given. */
export class RunLockedError extends Error {}

/** The lock's directory for a wiki and bot account. */
export function runLockPath(dir: string, apiUrl: string, botName: string): string {
  const key = createHash('sha256').update(`${apiUrl}\n${botName}`).digest('hex').slice(0, 16);
  return path.join(dir, `letsconnect-bot-${key}.lock`);
}

function readOwner(lock: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

const processExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Why a held lock can be taken over, or null while its holder may still be running. */
function staleness(lock: string, now: number): string | null {
  let touched: number;
  try {
    touched = fs.statSync(lock).mtimeMs;
  } catch {
    return 'released';
  }
  if (now - touched > STALE_MS) return `not touched for ${Math.round((now - touched) / 1000)} s`;
  const owner = readOwner(lock);
  // Written just after mkdir: give a holder that has not written it yet a moment.
  if (!owner) return now - touched > 10_000 ? 'no owner written' : null;
  if (owner.host === os.hostname() && !processExists(owner.pid))
    return `process ${owner.pid} is gone`;
  return null;
}

/**
 * Takes the lock at `lock`, waiting up to `waitMs` for a live holder (telling `onWait` once
 * who it is); returns the function that lets it go. Throws RunLockedError when the wait ends.
 */
export async function holdRunLock(
  lock: string,
  waitMs: number,
  onWait: (owner: LockOwner | null) => void = () => undefined,
): Promise<() => void> {
  const until = Date.now() + waitMs;
  let told = false;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const stale = staleness(lock, Date.now());
    if (stale !== null) {
      // Renamed away first, so two runs that both see it stale cannot both remove a fresh one.
      const gone = `${lock}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(lock, gone);
        // Another run may have taken the stale lock over between our look and the rename:
        // then what we moved is its live lock, and it goes back.
        if (staleness(gone, Date.now()) === null) fs.renameSync(gone, lock);
        else fs.rmSync(gone, { recursive: true, force: true });
      } catch {
        // Another run took it over first: look again.
      }
      continue;
    }
    const owner = readOwner(lock);
    if (Date.now() >= until) {
      const who = owner
        ? `process ${owner.pid} on ${owner.host}, since ${owner.since}`
        : 'a run that has not said who it is';
      throw new RunLockedError(
        `Another run of the bot on this wiki is still going (${who}), so this one wrote nothing. ` +
          `If no such run is going, remove ${lock} and run again.`,
      );
    }
    if (!told) onWait(owner);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, until - Date.now())));
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
  };
  fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify(owner));
  const beat = setInterval(() => {
    const now = new Date();
    try {
      fs.utimesSync(lock, now, now);
    } catch {
      // Gone (removed by hand): nothing to keep alive.
    }
  }, HEARTBEAT_MS);
  beat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    // Only our own lock: if it was taken over (we were too slow to beat), leave the new one.
    if (readOwner(lock)?.pid === owner.pid && readOwner(lock)?.host === owner.host)
      fs.rmSync(lock, { recursive: true, force: true });
  };
}
