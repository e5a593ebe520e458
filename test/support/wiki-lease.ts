import fs from 'node:fs';
import path from 'node:path';
import { localWiki, type LocalWiki } from '../../scripts/wiki/config';
import { wikiDown, wikiUp } from '../../scripts/wiki/lifecycle';
import { isAlive, readPidFile, serverState } from '../../scripts/wiki/server';
import { sweepOrphanedWikis } from './throwaway-wiki';

/**
 * Test runs stop the shared wiki they started, and only that one: a wiki that was running
 * before (`npm run wiki:up`) keeps running. Two files in the wiki's folder say who is using
 * it and who started it, so that runs in parallel (two terminals on one working tree) don't
 * stop the wiki under each other:
 * - `test-runs/<pid>`: one lease per jest process between its global setup and teardown;
 * - `started-by-tests`: the server's pid, when a test run started the server.
 * The last run to leave stops the server, if a test run started it (that very server, not a
 * later one started by hand). Jest runs every project's global setup, then all tests, then
 * every global teardown, in one process: the integration and e2e projects share one lease.
 */
export interface LeaseDeps {
  /** The pid of the wiki's server when it answers, else null. */
  serverPid(): Promise<number | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
  isAlive(pid: number): boolean;
  /** This jest process. */
  pid: number;
}

export type TeardownOutcome = 'stopped' | 'still in use' | 'not started by tests';

const leaseDir = (wikiDir: string) => path.join(wikiDir, 'test-runs');
const markerFile = (wikiDir: string) => path.join(wikiDir, 'started-by-tests');

/** Takes a lease on the wiki, starts it if needed, and remembers when this run started it. */
export async function leaseWiki(wikiDir: string, deps: LeaseDeps): Promise<void> {
  // The lease comes first: a run that finishes meanwhile then leaves the server running.
  fs.mkdirSync(leaseDir(wikiDir), { recursive: true });
  fs.writeFileSync(path.join(leaseDir(wikiDir), String(deps.pid)), '');
  const before = await deps.serverPid();
  await deps.start();
  const after = await deps.serverPid();
  if (before === null && after !== null) fs.writeFileSync(markerFile(wikiDir), `${after}\n`);
}

/** Gives the lease back; the last run out stops the server if a test run started it. */
export async function releaseWiki(wikiDir: string, deps: LeaseDeps): Promise<TeardownOutcome> {
  fs.rmSync(path.join(leaseDir(wikiDir), String(deps.pid)), { force: true });
  let others = 0;
  for (const name of fs.existsSync(leaseDir(wikiDir)) ? fs.readdirSync(leaseDir(wikiDir)) : []) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0 && deps.isAlive(pid)) others++;
    else fs.rmSync(path.join(leaseDir(wikiDir), name), { force: true }); // a run that died
  }
  if (others > 0) return 'still in use';
  const started = readPidFile(markerFile(wikiDir));
  const running = await deps.serverPid();
  if (started === null || running !== started) {
    // The server a test run started is gone (stopped or replaced by hand): forget it.
    fs.rmSync(markerFile(wikiDir), { force: true });
    return 'not started by tests';
  }
  await deps.stop();
  fs.rmSync(markerFile(wikiDir), { force: true });
  return 'stopped';
}

/** The real thing for a local wiki. */
function wikiLeaseDeps(wiki: LocalWiki, log: (line: string) => void): LeaseDeps {
  return {
    serverPid: async () =>
      (await serverState(wiki)) === 'running' ? readPidFile(wiki.pidFile) : null,
    start: async () => {
      await wikiUp(log, wiki);
    },
    stop: () => wikiDown(log, wiki),
    isAlive,
    pid: process.pid,
  };
}

async function sweep(log: (line: string) => void): Promise<void> {
  const ports = await sweepOrphanedWikis();
  if (ports.length > 0) log(`Stopped throwaway wikis a killed test run left: ${ports.join(', ')}`);
}

/** For the global setups: the shared wiki, up, leased by this run; ports a killed run left, free. */
export async function beginWikiRun(log: (line: string) => void): Promise<LocalWiki> {
  await sweep(log);
  const wiki = localWiki();
  await leaseWiki(wiki.dir, wikiLeaseDeps(wiki, log));
  return wiki;
}

/** For the global teardown (or a failed setup): the lease given back, see releaseWiki. */
export async function endWikiRun(log: (line: string) => void): Promise<TeardownOutcome> {
  await sweep(log);
  const wiki = localWiki();
  return releaseWiki(wiki.dir, wikiLeaseDeps(wiki, log));
}
