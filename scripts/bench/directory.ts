import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workingGroupPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { generateSamplePages } from '../../shared/sample/generate';
import { importPages } from '../seed/import-pages';
import { localWiki, REPO_DIR, type LocalWiki } from '../wiki/config';
import { ADMIN_NAME, botEnvironment } from '../wiki/credentials';
import { wikiDown, wikiReset, wikiUp } from '../wiki/lifecycle';

/**
 * The directory task on a wiki of its own, at several sizes: the API requests spent listing
 * and reading the profiles against the lower bounds ceil(N/50) and, with high API limits,
 * ceil(N/500) (plus the listing's own request); all requests of the run, against the same
 * bound plus the fixed requests of a run with no profiles; and the wall time of a full run and
 * of a run with nothing changed.
 */
const SIZES = (process.env.LETSCONNECT_BENCH_SIZES ?? '1000,10000').split(',').map(Number);

interface RunFigures {
  requests: number;
  /** Requests spent listing and reading profile pages (the rest is fixed work and writing outputs). */
  readRequests: number;
  seconds: number;
  read: number;
  edits: number;
}

function runDirectory(wiki: LocalWiki): RunFigures {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_DIR, 'bot/bin/letsconnect-bot.js'), 'directory'],
    {
      encoding: 'utf8',
      env: botEnvironment(wiki, { ...process.env, CI: 'true' }),
    },
  );
  if (result.status !== 0) throw new Error(`directory failed:\n${result.stdout}\n${result.stderr}`);
  const figure = (name: string) =>
    Number(new RegExp(`^\\s+${name}\\s+(\\d+)`, 'm').exec(result.stdout)?.[1] ?? NaN);
  return {
    requests: figure('API requests'),
    readRequests: Number(/read this run, in (\d+) API requests/.exec(result.stdout)?.[1] ?? NaN),
    read: figure('pages read'),
    edits: figure('edits made'),
    seconds: (Date.now() - started) / 1000,
  };
}

async function seed(wiki: LocalWiki, profiles: number): Promise<void> {
  await wikiReset(() => undefined, wiki);
  const pages = generateSamplePages({ profiles, now: '2025-06-01T00:00:00Z' }).filter(
    (p) => p.title.includes('/Participants/') || p.title === workingGroupPageTitle(DEFAULT_ROOT),
  );
  importPages(
    wiki,
    pages.map((p) =>
      p.title === workingGroupPageTitle(DEFAULT_ROOT) ? { ...p, user: ADMIN_NAME } : p,
    ),
    { linkUpdates: false },
  );
}

async function main(): Promise<void> {
  const wiki = localWiki({
    LETSCONNECT_WIKI_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'letsconnect-bench-')),
    LETSCONNECT_WIKI_PORT: process.env.LETSCONNECT_BENCH_PORT ?? '8094',
  });
  try {
    await wikiUp(() => undefined, wiki);
    await seed(wiki, 0);
    const fixed = runDirectory(wiki).requests;
    console.log(
      `\ndirectory task on a local wiki (a run with no profiles makes ${fixed} requests: login, checks, outputs)`,
    );
    console.log(
      'profiles  read requests  bound N/50  ratio  bound N/500  ratio  all requests  bound N/50+fixed  ratio  full run  no-change run',
    );
    for (const n of SIZES) {
      process.stderr.write(`seeding ${n} profiles…\n`);
      await seed(wiki, n);
      const full = runDirectory(wiki);
      const again = runDirectory(wiki);
      const b50 = Math.ceil(n / 50) + 1;
      const b500 = Math.ceil(n / 500) + 1;
      const cells = [
        String(n).padStart(8),
        String(full.readRequests).padStart(13),
        String(b50).padStart(10),
        (full.readRequests / b50).toFixed(2).padStart(5),
        String(b500).padStart(11),
        (full.readRequests / b500).toFixed(2).padStart(5),
        String(full.requests).padStart(12),
        String(b50 - 1 + fixed).padStart(16),
        (full.requests / (b50 - 1 + fixed)).toFixed(2).padStart(5),
        `${full.seconds.toFixed(1).padStart(6)} s`,
        `${again.seconds.toFixed(1)} s, ${again.requests} requests, ${again.edits} edits`,
      ];
      console.log(cells.join('  '));
    }
  } finally {
    await wikiDown(() => undefined, wiki);
    fs.rmSync(wiki.dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
