/**
 * Everything the directory view shows, in two requests: the bot's index with the resource
 * centre as the bot accepted it (User:<bot>/Resources.json), then every shard the index
 * lists (one batched request for up to 50 shards).
 */
import { readDocument } from '../../shared/documents/read-document';
import type {
  DirectoryEntry,
  DirectoryIndex,
  ResourceEntry,
} from '../../shared/documents/documents';
import { directoryIndexTitle, resourcesDataTitle } from '../../shared/pages';
import type { Problem } from '../../shared/problems';
import { defaultTaxonomy, type Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { PageRevision, WikiClient } from '../../shared/wiki-client';
import { pageNamed } from './pages';

export interface LoadedDirectory {
  /** Null when the bot has not written the directory yet (or it could not be read). */
  index: DirectoryIndex | null;
  entries: DirectoryEntry[];
  taxonomy: Taxonomy;
  /** The resource centre's items the bot accepted (links checked, authors checked). */
  resources: ResourceEntry[];
  problems: Problem[];
}

/** The index carries the merged taxonomy, so the filters need no request of their own. */
export function taxonomyFromIndex(index: DirectoryIndex | null): Taxonomy {
  const base = defaultTaxonomy();
  if (!index || index.topics.length === 0) return base;
  const categories = [...base.categories];
  for (const t of index.topics) if (!categories.includes(t.category)) categories.push(t.category);
  return { categories, topics: new Map(index.topics.map((t) => [t.id, t])) };
}

/** The bot's resource document on a page read, or none. */
export function resourcesOn(page: PageRevision | undefined): ResourceEntry[] {
  if (!page?.exists) return [];
  return readDocument(page.content ?? '', 'resources').document?.resources ?? [];
}

/** The accepted resource-centre items, in one request (for views that need only them). */
export async function loadResources(client: WikiClient, botName: string): Promise<ResourceEntry[]> {
  const title = resourcesDataTitle(botName);
  return resourcesOn(pageNamed(await client.readPages([title]), title));
}

export async function loadDirectory(
  client: WikiClient,
  root: string,
  botName: string,
): Promise<LoadedDirectory> {
  const indexTitle = directoryIndexTitle(botName);
  const resourcesTitle = resourcesDataTitle(botName);
  const first = await client.readPages([indexTitle, resourcesTitle]);
  const indexPage = pageNamed(first, indexTitle);
  const resources = resourcesOn(pageNamed(first, resourcesTitle));
  if (!indexPage?.exists) {
    return { index: null, entries: [], taxonomy: defaultTaxonomy(), resources, problems: [] };
  }
  const read = readDocument(indexPage.content ?? '', 'directory-index');
  const index = read.document;
  const problems = [...read.problems];
  const entries: DirectoryEntry[] = [];
  if (index && index.shards.length > 0) {
    const shards = await client.readPages(index.shards.map((s) => s.title));
    for (const summary of index.shards) {
      const page = pageNamed(shards, summary.title);
      if (!page?.exists) continue;
      const shard = readDocument(page.content ?? '', 'directory-shard');
      problems.push(...shard.problems);
      if (shard.document) entries.push(...shard.document.entries);
    }
  }
  return { index, entries, taxonomy: taxonomyFromIndex(index), resources, problems };
}

/**
 * Some people's directory entries, with the taxonomy: the index, then only the shards whose
 * name range holds them (entries are sorted by user name), in two requests. Someone not in
 * the directory (not listed, withdrawn, or not registered) has no entry.
 */
export async function loadDirectoryPeople(
  client: WikiClient,
  botName: string,
  usernames: readonly string[],
): Promise<{ entries: Map<string, DirectoryEntry>; taxonomy: Taxonomy }> {
  const indexTitle = directoryIndexTitle(botName);
  const indexPage = pageNamed(await client.readPages([indexTitle]), indexTitle);
  const index = indexPage?.exists
    ? readDocument(indexPage.content ?? '', 'directory-index').document
    : null;
  const entries = new Map<string, DirectoryEntry>();
  const wanted = new Set(usernames);
  const titles = (index?.shards ?? [])
    .filter((s) => usernames.some((u) => s.first <= u && u <= s.last))
    .map((s) => s.title);
  if (titles.length > 0) {
    const pages = await client.readPages(titles);
    for (const title of titles) {
      const page = pageNamed(pages, title);
      const shard = page?.exists
        ? readDocument(page.content ?? '', 'directory-shard').document
        : null;
      for (const e of shard?.entries ?? []) if (wanted.has(e.username)) entries.set(e.username, e);
    }
  }
  return { entries, taxonomy: taxonomyFromIndex(index) };
}
