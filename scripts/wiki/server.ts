import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { MEDIAWIKI_DIR, phpEnv, type LocalWiki } from './config';

/** Answers true when the wiki's API responds with its site info. */
export async function isServing(wiki: LocalWiki, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetch(`${wiki.apiUrl}?action=query&meta=siteinfo&format=json`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) return false;
    const body = (await res.json()) as { query?: { general?: { sitename?: string } } };
    return typeof body.query?.general?.sitename === 'string';
  } catch {
    return false;
  }
}

/** The pid written in `file`, or null when there is none. */
export function readPidFile(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function readPid(wiki: LocalWiki): number | null {
  return readPidFile(wiki.pidFile);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export type ServerState = 'running' | 'stopped' | 'stale';

/** running: our server answers; stale: our pid file points at a dead or silent process. */
export async function serverState(wiki: LocalWiki): Promise<ServerState> {
  const pid = readPid(wiki);
  if (pid === null) return 'stopped';
  if (isAlive(pid) && (await isServing(wiki))) return 'running';
  return 'stale';
}

/** Stops our server (if any) and removes its pid file. */
export async function stopServer(wiki: LocalWiki): Promise<boolean> {
  const pid = readPid(wiki);
  fs.rmSync(wiki.pidFile, { force: true });
  if (pid === null || !isAlive(pid)) return false;
  // The server runs in its own process group (detached): stop the workers too.
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    process.kill(pid, 'SIGTERM');
  }
  const stopped = await waitFor(async () => !isAlive(pid), 5000);
  if (!stopped) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await waitFor(async () => !(await portInUse(wiki.port)), 5000);
  return true;
}

/**
 * Starts PHP's built-in server for the wiki on 127.0.0.1, detached so it outlives this
 * process, and waits until the API answers. A stale server of ours is replaced; a port
 * taken by something else is an error that says so.
 */
export async function startServer(wiki: LocalWiki, log: (line: string) => void): Promise<void> {
  const state = await serverState(wiki);
  if (state === 'running') return;
  if (state === 'stale') {
    log('Found a stale wiki server (pid file without a working server): restarting it.');
    await stopServer(wiki);
  }
  if (await portInUse(wiki.port)) {
    throw new Error(
      `Port ${wiki.port} on 127.0.0.1 is in use by another program. Stop it, or choose another port with LETSCONNECT_WIKI_PORT.`,
    );
  }
  const out = fs.openSync(wiki.logFile, 'a');
  const child = spawn(
    'php',
    ['-S', `127.0.0.1:${wiki.port}`, '-t', MEDIAWIKI_DIR, path.join(__dirname, 'php/router.php')],
    {
      // Several workers so the browser's parallel load.php requests and concurrent tests don't queue.
      env: { ...phpEnv(wiki), PHP_CLI_SERVER_WORKERS: '4' },
      detached: true,
      stdio: ['ignore', out, out],
    },
  );
  child.unref();
  fs.writeFileSync(wiki.pidFile, `${child.pid}\n`);
  const up = await waitFor(() => isServing(wiki), 30000);
  if (!up) {
    await stopServer(wiki);
    throw new Error(`The wiki server did not answer within 30 s; see ${wiki.logFile}`);
  }
}
