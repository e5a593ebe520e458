/**
 * Issue 14's check: every page the bot writes, and every template rendering of the sample
 * data, read as a reader sees them (in English and in Arabic), show no id of the data
 * contract where a label exists: no topic id, language code with a level or list of codes,
 * region, role or format id, and no ISO timestamp (test/support/raw-ids.ts). On a wiki of its
 * own (port 8141), seeded with the sample program, after the bot's whole `run`.
 */
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { findRawIds, pagesUnderRoot, renderedPageText, type RawId } from '../../support/raw-ids';
import { runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';

jest.setTimeout(900_000);

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;

beforeAll(async () => {
  stack = await startThrowawayWiki(8141);
  await seedProgram({ wiki: stack.wiki, profiles: 40, log: () => undefined });
  await runBotOk(['run'], stack.env);
});

afterAll(async () => {
  await stack?.stop();
});

async function query(params: Record<string, string>): Promise<unknown> {
  const search = new URLSearchParams({ format: 'json', formatversion: '2', ...params });
  return (await fetch(`${stack.wiki.apiUrl}?${search}`)).json();
}

/** Pages the bot account edited, but not its own data pages in its user space. */
async function botWrittenPages(): Promise<string[]> {
  const body = (await query({
    action: 'query',
    list: 'usercontribs',
    ucuser: DEFAULT_BOT_NAME,
    uclimit: 'max',
  })) as { query: { usercontribs: { title: string }[] } };
  const titles = new Set(body.query.usercontribs.map((c) => c.title));
  return [...titles].filter((t) => !t.startsWith(`User:${DEFAULT_BOT_NAME}/`)).sort();
}

/** Every page under the program root (profiles, clinics, sign-ups, rounds, resources…). */
async function programPages(): Promise<string[]> {
  const titles = await pagesUnderRoot(stack.wiki.apiUrl);
  // Community translation pages (`R/Translations/<code>.json`) are JSON data, not pages a reader
  // lands on: their words are translations (Swahili "na" is "and", not a region id).
  return titles.filter((t) => !t.endsWith('.json'));
}

async function rawIdsOn(titles: readonly string[]): Promise<Array<RawId & { page: string }>> {
  const found: Array<RawId & { page: string }> = [];
  for (const title of titles) {
    for (const language of ['en', 'ar']) {
      const text = await renderedPageText(stack.wiki.apiUrl, title, language);
      for (const id of findRawIds(text)) found.push({ ...id, page: `${title} (${language})` });
    }
  }
  return found;
}

describe('labels, not ids, on every page a reader lands on', () => {
  it('the bot wrote its pages, and the sample data has profiles, clinics, rounds and resources', async () => {
    const written = await botWrittenPages();
    for (const page of ['Directory', 'Calendar', 'Report', 'Connections/']) {
      expect(written.some((t) => t.startsWith(`${DEFAULT_ROOT}/${page}`))).toBe(true);
    }
    const program = await programPages();
    for (const page of ['Participants/', 'Clinics/', 'Connections/', 'Resources']) {
      expect(program.some((t) => t.startsWith(`${DEFAULT_ROOT}/${page}`))).toBe(true);
    }
  });

  it('finds no raw id on any bot-written page', async () => {
    expect(await rawIdsOn(await botWrittenPages())).toEqual([]);
  });

  it('finds no raw id in any template rendering of the sample data', async () => {
    const written = new Set(await botWrittenPages());
    const pages = (await programPages()).filter((t) => !written.has(t));
    expect(pages.length).toBeGreaterThan(40);
    expect(await rawIdsOn(pages)).toEqual([]);
  });

  it('would find them: the same pages as the data writes them hold ids', async () => {
    // The check itself can fail: the profiles' own wikitext (what the templates receive) is
    // full of ids.
    const [profile] = (await programPages()).filter((t) => t.includes('/Participants/'));
    const body = (await query({
      action: 'query',
      prop: 'revisions',
      rvprop: 'content',
      rvslots: 'main',
      titles: profile!,
    })) as { query: { pages: { revisions: { slots: { main: { content: string } } }[] }[] } };
    const source = body.query.pages[0]!.revisions[0]!.slots.main.content;
    expect(findRawIds(source).map((f) => f.kind)).toEqual(
      expect.arrayContaining(['language code with level', 'region id']),
    );
  });
});
