import {
  SCHEMA_VERSION,
  shardEntries,
  toDirectoryEntry,
  type DirectoryEntry,
  type DirectoryIndex,
  type DirectoryShard,
} from '../../../shared/documents/documents';
import { directoryIndexTitle, directoryShardTitle } from '../../../shared/pages';
import { DEFAULT_BOT_NAME } from '../../../shared/program';
import type { Profile } from '../../../shared/records/profile';
import { sampleProfiles } from '../../../shared/sample/profiles';
import { Random } from '../../../shared/sample/random';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';

export const GENERATED = '2025-05-31T06:00:00Z';

/** Sample profiles as the bot would publish them: listed, not withdrawn, sorted by name. */
export function sampleEntries(count: number, seed = 7): DirectoryEntry[] {
  const profiles = sampleProfiles(new Random(seed), count, Date.parse('2025-06-01T00:00:00Z'));
  return entriesOf(profiles);
}

export function entriesOf(profiles: readonly Profile[]): DirectoryEntry[] {
  return profiles
    .map((p, i) => toDirectoryEntry(p, 1000 + i))
    .filter((e): e is DirectoryEntry => e !== null)
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
}

/** The index and shard documents for `entries`, keyed by page title (shards of `maxBytes`). */
export function directoryPages(
  entries: readonly DirectoryEntry[],
  maxBytes?: number,
  root = 'Grants:Knowledge Sharing/Connect',
): Map<string, string> {
  const shards = shardEntries(entries, maxBytes);
  const pages = new Map<string, string>();
  const index: DirectoryIndex = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'directory-index',
    generated: GENERATED,
    root,
    total: entries.length,
    shards: shards.map((s, n) => ({
      title: directoryShardTitle(DEFAULT_BOT_NAME, n),
      count: s.length,
      first: s[0]?.username ?? '',
      last: s[s.length - 1]?.username ?? '',
    })),
    topics: [...defaultTaxonomy().topics.values()],
  };
  pages.set(directoryIndexTitle(DEFAULT_BOT_NAME), JSON.stringify(index));
  shards.forEach((s, n) => {
    const shard: DirectoryShard = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'directory-shard',
      generated: GENERATED,
      shard: n,
      entries: s,
    };
    pages.set(directoryShardTitle(DEFAULT_BOT_NAME, n), JSON.stringify(shard));
  });
  return pages;
}
