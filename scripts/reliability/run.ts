/**
 * npm run reliability [-- --short] [--seed N] [--only name,name]: runs every section and
 * prints one table of figures; exits 1 when any figure misses its target, 2 on an error, 3 when
 * a section stopped without finishing.
 */
import yargs from 'yargs';
import { SECTIONS } from './sections';
import type { Figure } from './types';

/** The section running now, for the message when the process ends without finishing it. */
let running: string | null = null;
let finished = false;

async function main(): Promise<number> {
  const args = await yargs(process.argv.slice(2))
    .option('short', {
      type: 'boolean',
      default: false,
      describe: 'The short form the test suite runs',
    })
    .option('seed', { type: 'number', default: 1, describe: 'Seed for every random choice' })
    .option('only', { type: 'string', describe: 'Comma-separated section names' })
    .strict()
    .parseAsync();
  const only = args.only?.split(',').map((s) => s.trim());
  const rows: Array<{ section: string } & Figure> = [];
  for (const section of SECTIONS) {
    if (only && !only.includes(section.name)) continue;
    const started = Date.now();
    running = section.name;
    const figures = await section.run({
      mode: args.short ? 'short' : 'full',
      seed: args.seed,
      log: (line) => console.error(`[${section.name}] ${line}`),
    });
    console.error(`[${section.name}] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    rows.push(...figures.map((f) => ({ section: section.name, ...f })));
  }
  const width = Math.max(7, ...rows.map((r) => r.section.length));
  const measureWidth = Math.max(7, ...rows.map((r) => r.measure.length));
  console.log(
    `${'section'.padEnd(width)}  ${'measure'.padEnd(measureWidth)}  ${'value'.padStart(8)}  target  ok`,
  );
  let failed = 0;
  for (const r of rows) {
    const ok = r.target === undefined || r.value === r.target;
    if (!ok) failed++;
    console.log(
      `${r.section.padEnd(width)}  ${r.measure.padEnd(measureWidth)}  ${String(r.value).padStart(8)}  ${(r.target === undefined ? '' : String(r.target)).padStart(6)}  ${ok ? 'yes' : 'NO'}`,
    );
  }
  console.log(failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`);
  finished = true;
  return failed === 0 ? 0 : 1;
}

// Node ends a process quietly, with status 0, when nothing is left to wait for: a section
// awaiting a promise nobody can settle any more would otherwise end the run with no table and
// no error, and look like success.
process.on('beforeExit', () => {
  if (finished || process.exitCode !== undefined) return;
  console.error(
    `[${running ?? 'reliability'}] stopped before it finished: it was waiting for something that can no longer happen, so no table was printed`,
  );
  process.exitCode = 3;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 2;
  },
);
