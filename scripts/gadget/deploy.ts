import { createTwoFilesPatch } from 'diff';
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import type { PageRevision } from '../../shared/wiki-client';
import { buildGadget, GADGET_NAME, type GadgetBuild } from './build';
import { contentPages } from './content-pages';
import { LABEL_MODULE_TITLE } from '../../shared/labels/labels';
import { TEMPLATE_PREFIX } from '../../shared/templates/index';
import { repoSha } from '../lib/git';
import type { LocalWiki } from '../wiki/config';
import { readCredentials } from '../wiki/credentials';

export const DEFINITION_PAGE = 'MediaWiki:Gadgets-definition';
/** Rights an account needs to publish a gadget (interface administrators have them). */
const REQUIRED_RIGHTS = ['editsitejs', 'editsitecss', 'editsitejson', 'editinterface'];

export interface DeployOptions {
  apiUrl: string;
  username: string;
  password: string;
  sha: string;
  dryRun: boolean;
  /** Gadget description shown on Special:Gadgets. */
  description?: string;
  log: (text: string) => void;
}

export interface PlannedEdit {
  title: string;
  before: PageRevision;
  content: string;
}

export interface DeployResult {
  build: GadgetBuild;
  changed: string[];
  unchanged: string[];
  /** Set when the account may not edit the gadget pages: the text to post as an edit request. */
  editRequest?: string;
}

/**
 * Whether a page already holds `wanted`. MediaWiki trims trailing whitespace on save, and
 * pretty-prints JSON pages, so those compare by value.
 */
export function sameContent(title: string, current: string, wanted: string): boolean {
  if (title.endsWith('.json')) {
    try {
      return JSON.stringify(JSON.parse(current)) === JSON.stringify(JSON.parse(wanted));
    } catch {
      return false;
    }
  }
  return current.trimEnd() === wanted.trimEnd();
}

/** One of our gadgets' lines (the loader's, the core's, a view's), not another gadget's. */
const OUR_LINE = new RegExp(`^\\*\\s*${GADGET_NAME}(?:-[a-z]+)?\\s*\\[`);

/**
 * The definition page with our lines (`block`, one or more) in place of the older ones, where
 * the first of them was, or appended; every other line kept as it was.
 */
export function withDefinitionLine(current: string, block: string): string {
  const lines = current === '' ? [] : current.replace(/\n+$/, '').split('\n');
  const index = lines.findIndex((l) => OUR_LINE.test(l));
  const kept = lines.filter((l) => !OUR_LINE.test(l));
  const ours = block.trim().split('\n');
  if (index < 0) return [...kept, ...ours].join('\n') + '\n';
  const before = lines.slice(0, index).filter((l) => !OUR_LINE.test(l)).length;
  kept.splice(before, 0, ...ours);
  return kept.join('\n') + '\n';
}

export function gadgetPages(build: GadgetBuild, description: string): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const [file, content] of Object.entries(build.files))
    pages[`MediaWiki:Gadget-${file}`] = content;
  pages[`MediaWiki:Gadget-${GADGET_NAME}`] = description;
  return pages;
}

function editRequestText(sha: string, edits: PlannedEdit[]): string {
  // The request is wikitext: keep what we quote inert.
  const inert = (text: string) => text.replace(/</g, '&lt;');
  const items = edits.map((e) => {
    if (e.title === DEFINITION_PAGE) {
      const ours = e.content.split('\n').filter((l) => OUR_LINE.test(l));
      return `* [[${e.title}]]: set the Let's Connect lines to ${ours.map((l) => `<code><nowiki>${inert(l)}</nowiki></code>`).join(' and ')}`;
    }
    if (!e.title.startsWith('MediaWiki:Gadget-')) {
      return `* [[${e.title}]]: replace the whole page with the text <code>npm run deploy-gadget -- --dry-run</code> prints for it at ${sha} (${Buffer.byteLength(e.content)} bytes)`;
    }
    const file = e.title.replace(/^MediaWiki:Gadget-/, '');
    if (!/\.(js|css|json)$/.test(file)) {
      return `* [[${e.title}]]: set the text to <code><nowiki>${inert(e.content)}</nowiki></code>`;
    }
    return `* [[${e.title}]]: replace the whole page with the file <code>dist/gadget/${file}</code> built at ${sha} (${Buffer.byteLength(e.content)} bytes)`;
  });
  return [
    `== Let's Connect gadget: update to ${sha} ==`,
    '{{Edit request}}',
    `Please publish the Let's Connect gadget at repository commit ${sha} (build it with <code>npm run build</code>). Pages to update:`,
    ...items,
    `Suggested edit summary: <code>Repo at ${sha}: Let's Connect gadget</code>. Thank you! ~~~~`,
  ].join('\n');
}

/**
 * Publishes the gadget to a wiki: builds it, reads the current pages, skips the unchanged
 * ones, and saves the others conflict-safely with a "Repo at <sha>" summary. A dry run
 * prints diffs and writes nothing; an account without interface-admin rights gets the
 * text of an edit request instead.
 */
export async function deployGadget(options: DeployOptions): Promise<DeployResult> {
  const build = await buildGadget();
  // The templates and the label module travel with the gadget: both show the same labels,
  // from the same messages, so they change together.
  const pages = {
    ...gadgetPages(
      build,
      options.description ??
        "Let's Connect: join the peer-learning program and find people to learn from and share with.",
    ),
    ...contentPages(),
  };
  const client = await MwnWikiClient.connect({
    apiUrl: options.apiUrl,
    username: options.username,
    password: options.password,
    assert: 'user',
    writableRoots: [
      ...Object.keys(pages),
      DEFINITION_PAGE,
      `Template:${TEMPLATE_PREFIX.replace(/\/$/, '')}`,
      LABEL_MODULE_TITLE,
    ],
    userAgent: `LetsConnectDeploy/0.1.0 (gadget deploy script; ${options.username.split('@')[0]}) mwn/3`,
  });
  const titles = [...Object.keys(pages), DEFINITION_PAGE];
  const current = new Map((await client.readPages(titles)).map((p) => [p.title, p]));
  const edits: PlannedEdit[] = [];
  const unchanged: string[] = [];
  for (const title of titles) {
    const before = current.get(title) ?? { title, exists: false };
    const content =
      title === DEFINITION_PAGE
        ? withDefinitionLine(before.content ?? '', build.definitionLine)
        : (pages[title] ?? '');
    if (before.exists && sameContent(title, before.content ?? '', content)) unchanged.push(title);
    else edits.push({ title, before, content });
  }
  for (const title of unchanged) options.log(`unchanged: ${title}`);

  if (options.dryRun) {
    for (const e of edits) {
      options.log(
        createTwoFilesPatch(
          e.title,
          e.title,
          e.before.content ?? '',
          e.content,
          e.before.exists ? `r${e.before.revid}` : '(new page)',
          'build',
        ),
      );
    }
    options.log(
      `Dry run: ${edits.length} page(s) would change, ${unchanged.length} unchanged. Nothing was written.`,
    );
    return { build, changed: edits.map((e) => e.title), unchanged };
  }

  const info = (await client.request({ action: 'query', meta: 'userinfo', uiprop: 'rights' })) as {
    query: { userinfo: { rights: string[] } };
  };
  const missing = REQUIRED_RIGHTS.filter((r) => !info.query.userinfo.rights.includes(r));
  if (missing.length > 0 && edits.length > 0) {
    const editRequest = editRequestText(options.sha, edits);
    options.log(
      `This account lacks ${missing.join(', ')}: an interface administrator must publish it. Post this edit request on MediaWiki talk:Gadget-${GADGET_NAME}.js:\n\n${editRequest}`,
    );
    return { build, changed: [], unchanged, editRequest };
  }

  for (const e of edits) {
    const summary = `Repo at ${options.sha}: Let's Connect gadget`;
    await client.save(
      e.title,
      e.content,
      summary,
      e.before.exists ? (e.before.revid ?? null) : null,
    );
    options.log(`saved: ${e.title}`);
  }
  return { build, changed: edits.map((e) => e.title), unchanged };
}

/** Deploys this working tree's gadget to the local wiki with its interface administrator. */
export function deployToLocalWiki(
  wiki: LocalWiki,
  log: (text: string) => void,
  dryRun = false,
): Promise<DeployResult> {
  const creds = readCredentials(wiki);
  return deployGadget({
    apiUrl: wiki.apiUrl,
    username: creds.LETSCONNECT_DEPLOY_USERNAME,
    password: creds.LETSCONNECT_DEPLOY_PASSWORD,
    sha: repoSha(),
    dryRun,
    log,
  });
}
