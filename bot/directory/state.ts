import {
  SCHEMA_VERSION,
  shardEntries,
  type DirectoryState,
} from '../../shared/documents/documents';
import { directoryStateTitle } from '../../shared/pages';
import type { MwnWikiClient } from '../wiki/mwn-client';
import { documentOn } from '../wiki/documents-io';

export type StatePage = DirectoryState['pages'][number];

/** What the last run remembered, joined from its parts; null (read everything) if any part is missing or unreadable. */
export interface RememberedState {
  root: string;
  workingGroupRevid: number;
  topicsRevid: number;
  parts: number;
  pages: StatePage[];
}

/** Compact JSON bytes per part: MediaWiki pretty-prints JSON pages to well under twice that. */
const STATE_PART_BYTES = 750_000;

export async function readState(
  client: MwnWikiClient,
  botName: string,
): Promise<RememberedState | null> {
  const [first] = await client.readPages([directoryStateTitle(botName)]);
  const head = documentOn(first, 'directory-state');
  if (!head) return null;
  const rest =
    head.parts > 1
      ? await client.readPages(
          Array.from({ length: head.parts - 1 }, (_, i) => directoryStateTitle(botName, i + 1)),
        )
      : [];
  const pages = [...head.pages];
  for (let part = 1; part < head.parts; part++) {
    const doc = documentOn(
      rest.find((p) => p.title === directoryStateTitle(botName, part)),
      'directory-state',
    );
    if (!doc || doc.part !== part) return null;
    pages.push(...doc.pages);
  }
  return {
    root: head.root,
    workingGroupRevid: head.workingGroupRevid,
    topicsRevid: head.topicsRevid,
    parts: head.parts,
    pages,
  };
}

/** The state's pages to write, in as many parts as it needs; parts a larger earlier state used are emptied. */
export function stateDocuments(
  state: Omit<RememberedState, 'parts'>,
  botName: string,
  previousParts: number,
  generated: string,
): Array<{ title: string; doc: DirectoryState }> {
  const chunks = shardEntries(state.pages, STATE_PART_BYTES);
  if (chunks.length === 0) chunks.push([]);
  const parts = chunks.length;
  return Array.from({ length: Math.max(parts, previousParts) }, (_, part) => ({
    title: directoryStateTitle(botName, part),
    doc: {
      schemaVersion: SCHEMA_VERSION,
      kind: 'directory-state',
      generated,
      root: state.root,
      workingGroupRevid: state.workingGroupRevid,
      topicsRevid: state.topicsRevid,
      part,
      parts,
      pages: chunks[part] ?? [],
    },
  }));
}
