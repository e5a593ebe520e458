import { dryRunDiff } from '../../../bot/wiki/dry-run-diff';

const doc = (entries: Array<{ username: string; topic: string }>, generated: string) =>
  JSON.stringify({ schemaVersion: 1, kind: 'directory-shard', generated, shard: 0, entries });

const before = doc(
  [
    { username: 'Ana', topic: 'a' },
    { username: 'Bo', topic: 'b' },
  ],
  '2026-11-01T00:00:00Z',
);
const after = doc(
  [
    { username: 'Bo', topic: 'changed' },
    { username: 'Cy', topic: 'c' },
  ],
  '2026-11-02T00:00:00Z',
);

describe('dryRunDiff (what a dry run prints for a page)', () => {
  it('sums up a JSON document by the entries added, removed and changed, not as −/+ lines', () => {
    const out = dryRunDiff('User:Bot/Directory/0.json', before, after, {
      revid: 7,
      verbose: false,
    });
    expect(out.split('\n')).toEqual([
      'Would write User:Bot/Directory/0.json (changes to r7): JSON document',
      '  generated: 2026-11-01T00:00:00Z → 2026-11-02T00:00:00Z',
      '  entries: 1 added (Cy), 1 removed (Ana), 1 changed (Bo) (2 in all)',
      '  (the full diff with --verbose)',
    ]);
  });

  it('describes a new JSON document by what it holds', () => {
    const out = dryRunDiff('User:Bot/Directory/0.json', null, after, { verbose: false });
    expect(out).toContain('Would write User:Bot/Directory/0.json (new page): JSON document');
    expect(out).toContain('  entries: 2 added (Bo, Cy) (2 in all)');
    expect(out).not.toMatch(/^\+/m);
  });

  it('names many entries by the first five and a count, page titles by their last part', () => {
    const many = JSON.stringify({
      pages: Array.from({ length: 8 }, (_, i) => ({ title: `Root/Participants/P${i}` })),
    });
    expect(dryRunDiff('User:Bot/state.json', null, many, { verbose: false })).toContain(
      '  pages: 8 added (…/P0, …/P1, …/P2, …/P3, …/P4 and 3 more) (8 in all)',
    );
  });

  it('prints the full diff of a JSON document with --verbose', () => {
    const out = dryRunDiff('User:Bot/Directory/0.json', before, after, {
      revid: 7,
      verbose: true,
    });
    expect(out).toContain('  entries: 1 added (Cy), 1 removed (Ana), 1 changed (Bo) (2 in all)');
    expect(out).toContain(`-${before}`);
    expect(out).toContain(`+${after}`);
  });

  it('keeps the unified diff for wikitext pages, under a "Would write" line', () => {
    const out = dryRunDiff('Root/Directory', 'old line\n', 'new line\n', {
      revid: 3,
      verbose: false,
    });
    expect(out).toMatch(/^Would write Root\/Directory \(changes to r3\)$/m);
    expect(out).toMatch(/^-old line$/m);
    expect(out).toMatch(/^\+new line$/m);
    expect(out).toMatch(/^\+\+\+ Root\/Directory\t\(would be saved\)$/m);
  });
});
