/**
 * Everything the directory view shows, in two requests: the bot's index with the resource
 * centre page, then every shard the index lists (one batched request for up to 50 shards).
 */
import { readDocument } from '../../../shared/documents/read-document';
import type { DirectoryEntry, DirectoryIndex } from '../../../shared/documents/documents';
import { directoryIndexTitle, resourcesPageTitle } from '../../../shared/pages';
import type { Problem } from '../../../shared/problems';
import { parseRecords } from '../../../shared/records/codec';
import { resourceCodec, validateResource, type Resource } from '../../../shared/records/resource';
import { hasErrors } from '../../../shared/problems';
import { defaultTaxonomy, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { PageRevision, WikiClient } from '../../../shared/wiki-client';

export interface LoadedDirectory {
  /** Null when the bot has not written the directory yet (or it could not be read). */
  index: DirectoryIndex | null;
  entries: DirectoryEntry[];
  taxonomy: Taxonomy;
  resources: Resource[];
  problems: Problem[];
}

const sameTitle = (a: string, b: string) => a.replace(/_/g, ' ') === b.replace(/_/g, ' ');

function pageNamed(pages: readonly PageRevision[], title: string): PageRevision | undefined {
  return pages.find((p) => sameTitle(p.title, title));
}

/** The index carries the merged taxonomy, so the filters need no request of their own. */
export function taxonomyFromIndex(index: DirectoryIndex | null): Taxonomy {
  const base = defaultTaxonomy();
  if (!index || index.topics.length === 0) return base;
  const categories = [...base.categories];
  for (const t of index.topics) if (!categories.includes(t.category)) categories.push(t.category);
  return { categories, topics: new Map(index.topics.map((t) => [t.id, t])) };
}

/** Resource items that can be linked: readable and without errors. */
export function readResources(text: string): Resource[] {
  return parseRecords(resourceCodec, text)
    .map((r) => r.record)
    .filter((r) => !hasErrors(validateResource(r)));
}

export async function loadDirectory(
  client: WikiClient,
  root: string,
  botName: string,
): Promise<LoadedDirectory> {
  const indexTitle = directoryIndexTitle(botName);
  const resourcesTitle = resourcesPageTitle(root);
  const first = await client.readPages([indexTitle, resourcesTitle]);
  const indexPage = pageNamed(first, indexTitle);
  const resourcesPage = pageNamed(first, resourcesTitle);
  const resources = resourcesPage?.exists ? readResources(resourcesPage.content ?? '') : [];
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
