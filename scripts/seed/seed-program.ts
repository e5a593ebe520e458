import fs from 'node:fs';
import path from 'node:path';
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { translationPageTitle, workingGroupPageTitle } from '../../shared/pages';
import {
  DEFAULT_BOT_NAME,
  DEFAULT_ROOT,
  SHUTOFF_RUNNING,
  shutoffPageTitle,
} from '../../shared/program';
import { generateSamplePages } from '../../shared/sample/generate';
import { LABEL_MODULE_TITLE } from '../../shared/labels/labels';
import { TEMPLATE_PREFIX } from '../../shared/templates/index';
import { contentPages } from '../gadget/content-pages';
import { sameContent } from '../gadget/deploy';
import type { LocalWiki } from '../wiki/config';
import { ADMIN_NAME, readCredentials } from '../wiki/credentials';
import { importPages, type PageToImport } from './import-pages';

export interface SeedOptions {
  wiki: LocalWiki;
  /** How many sample participant profiles to create (the demo's default is a few hundred). */
  profiles: number;
  log: (line: string) => void;
}

export interface SeedResult {
  /** Program pages put on the wiki by this run (pages that existed are never overwritten). */
  imported: number;
  /** Templates created or brought up to date with the repository. */
  templatesUpdated: string[];
}

const I18N_DIR = path.join(__dirname, '../../shared/i18n');
/** Draft translations (German, Swahili), put on the wiki as the community would: see its README. */
const TRANSLATIONS_DIR = path.join(__dirname, 'translations');

/** The draft translations as pages `R/Translations/<code>.json`, each by an ordinary account. */
function translationPages(user: string): PageToImport[] {
  return fs
    .readdirSync(TRANSLATIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      title: translationPageTitle(DEFAULT_ROOT, f.replace(/\.json$/, '')),
      content: fs.readFileSync(path.join(TRANSLATIONS_DIR, f), 'utf8'),
      user,
    }));
}

/** Beyond this many pages, link-table updates are skipped to keep seeding fast (see importPages). */
const LINK_UPDATE_LIMIT = 2000;

const ROOT_PAGE = `Welcome to '''Let's Connect''', Wikimedia's peer-learning program: register what you want to learn and what you can share, and the program connects you with other Wikimedians.

<div class="letsconnect-app"></div>

This is the local development wiki of the Let's Connect gadget and bot. Program pages live under this page.
`;

/**
 * The program's content pages (templates, the label module and its data) are the
 * repository's: each is created, or updated when the repository's text differs, by the
 * administrator, conflict-safely.
 */
async function syncContentPages(
  admin: MwnWikiClient,
  log: (line: string) => void,
): Promise<string[]> {
  const pages = contentPages();
  const titles = Object.keys(pages);
  const current = new Map((await admin.readPages(titles)).map((p) => [p.title, p]));
  const updated: string[] = [];
  for (const title of titles) {
    const text = pages[title] ?? '';
    const page = current.get(title);
    if (page?.exists && sameContent(title, page.content ?? '', text)) continue;
    await admin.save(
      title,
      text,
      "Template from the Let's Connect repository",
      page?.exists ? (page.revid ?? null) : null,
    );
    updated.push(title);
  }
  if (updated.length > 0) log(`Templates created or updated: ${updated.length}`);
  return updated;
}

/**
 * Meta has `MediaWiki:Lang` (and a subpage per language) so that `{{int:lang}}` gives the
 * reader's language: the label module relies on it. The local wiki gets the same, for the
 * languages the program has messages in, in the repository or as the community's drafts
 * (German and Swahili readers get the module's words from those).
 */
async function syncLangMessages(admin: MwnWikiClient): Promise<void> {
  const codes = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'qqq.json')
      .map((f) => f.replace(/\.json$/, ''));
  const languages = [...new Set([...codes(I18N_DIR), ...codes(TRANSLATIONS_DIR)])];
  const pages: Record<string, string> = { 'MediaWiki:Lang': 'en' };
  for (const language of languages) pages[`MediaWiki:Lang/${language}`] = language;
  const titles = Object.keys(pages);
  const existing = await admin.existingTitles(titles);
  for (const title of titles.filter((t) => !existing.has(t))) {
    await admin.save(
      title,
      pages[title] ?? '',
      "As on Meta: {{int:lang}} gives the reader's language",
      null,
    );
  }
}

/**
 * Fills the local wiki with the program: its templates (kept equal to the repository's),
 * the bot's shutoff page, the root page and sample program pages (profiles, working group,
 * topics, clinics, resources, a round of connections), each attributed to the person who
 * would write it. Idempotent: program pages that exist are left as they are.
 */
export async function seedProgram(options: SeedOptions): Promise<SeedResult> {
  const creds = readCredentials(options.wiki);
  const admin = await MwnWikiClient.connect({
    apiUrl: options.wiki.apiUrl,
    username: creds.LETSCONNECT_DEPLOY_USERNAME,
    password: creds.LETSCONNECT_DEPLOY_PASSWORD,
    assert: 'user',
    // The program's templates and label module only, and Meta's MediaWiki:Lang.
    writableRoots: [
      `Template:${TEMPLATE_PREFIX.replace(/\/$/, '')}`,
      LABEL_MODULE_TITLE,
      'MediaWiki:Lang',
    ],
    userAgent: 'LetsConnectSeed/0.1.0 (local wiki seeding)',
  });
  const templatesUpdated = await syncContentPages(admin, options.log);
  await syncLangMessages(admin);

  const now = new Date();
  // The working-group page is protected on Meta: an administrator writes it.
  const asAdminIfWorkingGroup = (page: PageToImport): PageToImport =>
    page.title === workingGroupPageTitle(DEFAULT_ROOT) ? { ...page, user: ADMIN_NAME } : page;
  const pages: PageToImport[] = [
    { title: shutoffPageTitle(DEFAULT_BOT_NAME), content: SHUTOFF_RUNNING, user: DEFAULT_BOT_NAME },
    { title: DEFAULT_ROOT, content: ROOT_PAGE, user: ADMIN_NAME },
    ...translationPages(creds.LETSCONNECT_USER1_NAME),
    ...generateSamplePages({
      profiles: options.profiles,
      root: DEFAULT_ROOT,
      botName: DEFAULT_BOT_NAME,
      now: now.toISOString(),
    }).map(asAdminIfWorkingGroup),
  ];
  const existing = await admin.existingTitles(pages.map((p) => p.title));
  const missing = pages.filter((p) => !existing.has(p.title));
  if (missing.length > 0) {
    options.log(`Importing ${missing.length} program page(s), each as its author…`);
    importPages(options.wiki, missing, { linkUpdates: missing.length <= LINK_UPDATE_LIMIT });
  }
  options.log(`Seeded: ${missing.length} page(s) added, ${existing.size} already there.`);
  return { imported: missing.length, templatesUpdated };
}
