import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sweepOrphanedWikis } from '../../support/throwaway-wiki';
import { leaseWiki, releaseWiki, type LeaseDeps } from '../../support/wiki-lease';

/** A pretend wiki server and jest processes: which pids are alive, what is serving. */
function world() {
  const alive = new Set<number>();
  let server: number | null = null;
  let nextPid = 1000;
  const calls: string[] = [];
  const run = (pid: number): LeaseDeps => {
    alive.add(pid);
    return {
      pid,
      isAlive: (p) => alive.has(p),
      serverPid: async () => server,
      start: async () => {
        if (server === null) {
          server = nextPid++;
          calls.push(`start ${server}`);
        }
      },
      stop: async () => {
        calls.push(`stop ${server}`);
        server = null;
      },
    };
  };
  return {
    run,
    calls,
    exit: (pid: number) => alive.delete(pid),
    server: () => server,
    startByHand: () => {
      server = nextPid++;
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiki-lease-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('test runs stop only the wiki they started', () => {
  it('stops the wiki the run started, once, after both projects set it up', async () => {
    const w = world();
    const run = w.run(1);
    await leaseWiki(dir, run); // integration
    await leaseWiki(dir, run); // e2e, same jest process
    expect(await releaseWiki(dir, run)).toBe('stopped');
    expect(await releaseWiki(dir, run)).toBe('not started by tests');
    expect(w.calls).toEqual(['start 1000', 'stop 1000']);
    expect(w.server()).toBeNull();
  });

  it('leaves a wiki that was running before the run', async () => {
    const w = world();
    w.startByHand();
    const run = w.run(1);
    await leaseWiki(dir, run);
    expect(await releaseWiki(dir, run)).toBe('not started by tests');
    expect(w.server()).not.toBeNull();
  });

  it('a run that ends first leaves the wiki to one still running; the last one stops it', async () => {
    const w = world();
    const first = w.run(1);
    const second = w.run(2);
    await leaseWiki(dir, first); // starts it
    await leaseWiki(dir, second); // finds it running
    expect(await releaseWiki(dir, first)).toBe('still in use');
    expect(w.server()).not.toBeNull();
    expect(await releaseWiki(dir, second)).toBe('stopped');
    expect(w.server()).toBeNull();
  });

  it('ignores the lease of a run that died, and stops the wiki a crashed run left behind', async () => {
    const w = world();
    const crashed = w.run(1);
    await leaseWiki(dir, crashed);
    w.exit(1); // no teardown
    const next = w.run(2);
    await leaseWiki(dir, next);
    expect(await releaseWiki(dir, next)).toBe('stopped');
  });

  it('does not stop a server started by hand after the one the tests started went down', async () => {
    const w = world();
    const run = w.run(1);
    await leaseWiki(dir, run);
    const ours = w.server();
    w.startByHand(); // e.g. wiki:down then wiki:up in another terminal during the run
    expect(w.server()).not.toBe(ours);
    expect(await releaseWiki(dir, run)).toBe('not started by tests');
    expect(w.server()).not.toBeNull();
  });
});

describe('throwaway wikis a killed run left behind', () => {
  const throwaway = (name: string, owner?: object) => {
    fs.mkdirSync(path.join(dir, name));
    if (owner) fs.writeFileSync(path.join(dir, name, 'owner.json'), JSON.stringify(owner));
  };

  it('stops those whose test process is gone, and only those', async () => {
    throwaway('letsconnect-wiki-dead', { pid: 11, port: 8092 });
    throwaway('letsconnect-wiki-live', { pid: 12, port: 8093 });
    throwaway('letsconnect-wiki-unknown'); // no owner record: not ours to judge
    throwaway('someone-else', { pid: 11, port: 8094 });
    const stopped: number[] = [];
    const ports = await sweepOrphanedWikis(dir, {
      isAlive: (pid) => pid === 12,
      stop: async (wiki) => {
        stopped.push(wiki.port);
      },
    });
    expect({ ports, stopped }).toEqual({ ports: [8092], stopped: [8092] });
    expect(fs.readdirSync(dir).sort()).toEqual([
      'letsconnect-wiki-live',
      'letsconnect-wiki-unknown',
      'someone-else',
    ]);
  });
});
