import { endWikiRun } from './wiki-lease';

/** After the integration and e2e tests: stops the wiki if this run started it (see wiki-lease.ts). */
export default async function globalTeardown(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[wiki] ${line}\n`);
  const outcome = await endWikiRun(log);
  if (outcome !== 'stopped') log(`Wiki left running: ${outcome}.`);
}
