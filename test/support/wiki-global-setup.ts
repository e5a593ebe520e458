import { wikiUp } from '../../scripts/wiki/lifecycle';

/** Integration tests run against the real local wiki: start it (install it first if needed). */
export default async function globalSetup(): Promise<void> {
  await wikiUp((line) => process.stderr.write(`[wiki] ${line}\n`));
}
