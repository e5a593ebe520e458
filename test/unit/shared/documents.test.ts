import {
  SCHEMA_VERSION,
  shardEntries,
  toDirectoryEntry,
  type DirectoryEntry,
  type DirectoryShard,
} from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import { generateSamplePages } from '../../../shared/sample/generate';
import { parseSingleRecord } from '../../../shared/records/codec';
import { profileCodec, type Profile } from '../../../shared/records/profile';

const profiles: Profile[] = generateSamplePages({ profiles: 200 })
  .filter((p) => p.title.includes('/Participants/'))
  .map((p) => parseSingleRecord(profileCodec, p.content).parsed?.record as Profile);

describe('directory documents', () => {
  it('publish only listed, active profiles, without the consent fields', () => {
    const listed = profiles.find((p) => p.listed && !p.withdrawn) as Profile;
    expect(toDirectoryEntry(listed, 7)).toMatchObject({ username: listed.username, revid: 7 });
    expect(toDirectoryEntry(listed, 7)).not.toHaveProperty('listed');
    expect(toDirectoryEntry({ ...listed, listed: false }, 7)).toBeNull();
    expect(toDirectoryEntry({ ...listed, withdrawn: true }, 7)).toBeNull();
  });

  it('shards under the byte limit and keeps every entry in order', () => {
    const entries = profiles.flatMap((p, i) => toDirectoryEntry(p, i) ?? []);
    const shards = shardEntries(entries, 20_000);
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.flat()).toEqual(entries);
    for (const s of shards) expect(Buffer.byteLength(JSON.stringify(s))).toBeLessThan(20_000);
  });

  it('round-trips a shard through JSON and checks version, kind and shape', () => {
    const entries: DirectoryEntry[] = profiles.flatMap((p, i) => toDirectoryEntry(p, i) ?? []);
    const shard: DirectoryShard = {
      schemaVersion: SCHEMA_VERSION,
      kind: 'directory-shard',
      generated: '2025-06-01T00:00:00Z',
      shard: 0,
      entries,
    };
    const text = JSON.stringify(shard);
    expect(readDocument(text, 'directory-shard')).toEqual({ document: shard, problems: [] });
    expect(readDocument(text, 'ledger').problems[0]?.key).toBe('letsconnect-problem-json-kind');
    expect(
      readDocument(text.replace('"schemaVersion":1', '"schemaVersion":2'), 'directory-shard')
        .problems[0]?.key,
    ).toBe('letsconnect-problem-schema-version');
    expect(readDocument('{oops', 'directory-shard').problems[0]?.key).toBe(
      'letsconnect-problem-json-syntax',
    );
    const broken = JSON.stringify({ ...shard, entries: [{ ...entries[0], learn: 'x' }, 3] });
    expect(readDocument(broken, 'directory-shard').problems.map((p) => p.field)).toEqual([
      'entries[0].learn',
      'entries[1].',
    ]);
  });

  it('reads the other document kinds', () => {
    const base = { schemaVersion: SCHEMA_VERSION, generated: '2025-06-01T00:00:00Z' };
    const index = {
      ...base,
      kind: 'directory-index',
      root: 'R',
      total: 1,
      shards: [{ title: 't', count: 1, first: 'A', last: 'A' }],
      topics: [],
    };
    const history = {
      ...base,
      kind: 'match-history',
      round: '2025-05',
      lastrevid: 12,
      proposals: [
        {
          id: '2025-05-001',
          learners: ['A'],
          sharer: 'B',
          topic: 'grants',
          languages: ['en'],
          status: 'notified',
          reviewer: 'C',
        },
      ],
      reasons: {},
      unmatched: [],
      unmetDemand: [],
      rejected: [],
      messages: [],
    };
    const ledger = { ...base, kind: 'ledger', paused: [{ user: 'A', since: '2025-06-01' }] };
    expect(readDocument(JSON.stringify(index), 'directory-index').problems).toEqual([]);
    expect(readDocument(JSON.stringify(history), 'match-history').problems).toEqual([]);
    expect(readDocument(JSON.stringify(ledger), 'ledger').problems).toEqual([]);
    const { proposals: _, ...withoutProposals } = history;
    expect(
      readDocument(JSON.stringify(withoutProposals), 'match-history').problems.map((p) => p.field),
    ).toEqual(['proposals']);
  });
});
