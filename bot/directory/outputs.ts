import { capacitiesForTopics } from '../../shared/capx/capacity-map';
import {
  entryTopics,
  type ProgramDocument,
  SCHEMA_VERSION,
  shardEntries,
  type DirectoryEntry,
  type DirectoryIndex,
  type StoredProblem,
} from '../../shared/documents/documents';
import {
  capacitiesDataTitle,
  directoryIndexTitle,
  directoryPageTitle,
  directoryShardTitle,
  directoryTopicPageTitle,
  maintenancePageTitle,
} from '../../shared/pages';
import { renderDirectoryPages } from '../../shared/reports/directory-page';
import type { MaintenanceRow } from '../../shared/reports/maintenance-page';
import { capacityMap, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { PageRevision } from '../../shared/wiki-client';
import { botMessages } from '../i18n';
import type { RunContext } from '../run-context';
import { documentText } from '../wiki/documents-io';
import { maintenancePageText } from './maintenance';
import { stateDocuments, type StatePage } from './state';

/**
 * MediaWiki pretty-prints saved JSON (tab indents) to under twice its compact size; shards of
 * 750 kB compact stay well below the 2 MiB page limit.
 */
const SHARD_BYTES = 750_000;

export interface PageResult {
  title: string;
  lastrevid: number;
  entry: DirectoryEntry | null;
  problems: StoredProblem[];
}

export interface Outputs {
  entries: DirectoryEntry[];
  all: PageResult[];
  taxonomy: Taxonomy;
  workingGroupRevid: number;
  topicsRevid: number;
  previousShardCount: number;
  previousStateParts: number;
  /** Approved connections the notifier held back, as R/Maintenance lists them. */
  held: MaintenanceRow[];
}

/**
 * Everything the directory task writes, each page through the safe editor (no edit when the
 * text would not change): the JSON shards and index, R/Directory and its topic pages,
 * R/Maintenance, and the state for the next run. Pages a smaller directory no longer needs
 * are emptied, never left holding someone who has since withdrawn.
 */
export async function writeOutputs(ctx: RunContext, out: Outputs): Promise<void> {
  const { editor, config, t, client } = ctx;
  const { root, botName } = config;
  const generated = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const items: Array<{ title: string; transform: (current: PageRevision) => string | null }> = [];
  const json = (title: string, doc: ProgramDocument) =>
    items.push({ title, transform: (current) => documentText(doc, current) });
  const text = (title: string, value: string) => items.push({ title, transform: () => value });

  const shards = shardEntries(out.entries, SHARD_BYTES);
  for (let n = 0; n < Math.max(shards.length, out.previousShardCount); n++) {
    json(directoryShardTitle(botName, n), {
      schemaVersion: SCHEMA_VERSION,
      kind: 'directory-shard',
      generated,
      shard: n,
      entries: shards[n] ?? [],
    });
  }
  const index: DirectoryIndex = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'directory-index',
    generated,
    root,
    total: out.entries.length,
    shards: shards.map((s, n) => ({
      title: directoryShardTitle(botName, n),
      count: s.length,
      first: s[0]?.username ?? '',
      last: s[s.length - 1]?.username ?? '',
    })),
    topics: [...out.taxonomy.topics.values()],
  };
  json(directoryIndexTitle(botName), index);

  // Give back: the same directory in the Capacity Exchange's terms (listed people only).
  const map = capacityMap(out.taxonomy);
  json(capacitiesDataTitle(botName), {
    schemaVersion: SCHEMA_VERSION,
    kind: 'capacities',
    generated,
    root,
    topics: [...map].map(([id, qids]) => ({ id, qids: [...qids] })),
    people: out.entries
      .map((e) => ({
        username: e.username,
        share: capacitiesForTopics(map, entryTopics(e, 'share')),
        learn: capacitiesForTopics(map, entryTopics(e, 'learn')),
      }))
      .filter((p) => p.share.length + p.learn.length > 0),
  });

  const pages = renderDirectoryPages(out.entries, {
    taxonomy: out.taxonomy,
    messages: botMessages('en').lookup,
    t,
    topicPageTitle: (topicId, part) => directoryTopicPageTitle(root, topicId, part),
  });
  text(directoryPageTitle(root), pages.overview);
  for (const page of pages.topicPages) text(page.title, page.text);
  const written = new Set(pages.topicPages.map((p) => p.title));
  const prefix = new client.bot.Title(`${directoryPageTitle(root)}/`);
  for (const stale of await client.listPages(prefix.getNamespaceId(), prefix.getMainText())) {
    if (!written.has(stale)) text(stale, t('letsconnect-directory-topic-empty'));
  }

  text(maintenancePageTitle(root), maintenancePageText(ctx, out.all, out.held));
  const statePages: StatePage[] = out.all.map((r) => ({
    title: r.title,
    lastrevid: r.lastrevid,
    problems: r.problems,
  }));
  const state = {
    root,
    workingGroupRevid: out.workingGroupRevid,
    topicsRevid: out.topicsRevid,
    pages: statePages,
  };
  for (const part of stateDocuments(state, botName, out.previousStateParts, generated))
    json(part.title, part.doc);

  await editor.editMany(items, t('letsconnect-bot-summary-directory'));
}
