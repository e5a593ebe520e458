import {
  EMPTY_QUERY,
  isFiltered,
  queryFromParams,
  queryToParams,
  type DirectoryQuery,
} from '../../../shared/directory/query';
import {
  foldText,
  indexEntries,
  matchEntries,
  sortEntries,
} from '../../../shared/directory/search';
import { toDirectoryEntry, type DirectoryEntry } from '../../../shared/documents/documents';
import type { Profile } from '../../../shared/records/profile';
import { profileFixture } from '../support/profile-fixture';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';

const entry = (p: Partial<Profile>): DirectoryEntry => toDirectoryEntry(profileFixture(p), 1)!;

const people = [
  entry({
    username: 'José',
    learn: ['fundraising'],
    groups: [{ group: 'Wikimedia Colombia', role: 'board' }],
    updated: '2025-01-01T00:00:00Z',
  }),
  entry({
    username: 'amara',
    share: ['fundraising'],
    region: 'ssa',
    languages: [{ code: 'sw', level: 'N' }],
    updated: '2025-03-01T00:00:00Z',
  }),
  entry({
    username: 'Bao',
    share: ['wikidata-basics'],
    region: 'eseap',
    formats: ['small-group'],
    updated: '2025-02-01T00:00:00Z',
  }),
];
const taxonomy = defaultTaxonomy();
const labels: Record<string, string> = {
  fundraising: 'Fundraising',
  'wikidata-basics': 'Basic Wikidata use',
};
const indexed = indexEntries(people, (id) => labels[id] ?? id);
const names = (q: Partial<DirectoryQuery>) => {
  const query = { ...EMPTY_QUERY, ...q };
  const ordered = sortEntries(indexed, query.sort);
  return matchEntries(ordered, query, taxonomy).map((i) => i.entry.username);
};

describe('directory search', () => {
  it('sorts by name regardless of case and accents, or by latest update', () => {
    expect(names({})).toEqual(['amara', 'Bao', 'José']);
    expect(names({ sort: 'updated' })).toEqual(['amara', 'Bao', 'José']);
    expect(names({ sort: 'updated', region: 'lac' })).toEqual(['José']);
  });

  it('matches every word of the text, without case or accents, over names, groups and topic labels', () => {
    expect(names({ text: 'jose' })).toEqual(['José']);
    expect(names({ text: 'COLOMBIA' })).toEqual(['José']);
    expect(names({ text: 'wikidata use' })).toEqual(['Bao']);
    expect(names({ text: 'wikidata fundraising' })).toEqual([]);
  });

  it('filters by topic or whole category, on either side or one', () => {
    expect(names({ topic: 'fundraising' })).toEqual(['amara', 'José']);
    expect(names({ topic: 'fundraising', side: 'learn' })).toEqual(['José']);
    expect(names({ topic: 'category:technical' })).toEqual(['Bao']);
    expect(names({ side: 'share' })).toEqual(['amara', 'Bao']);
  });

  it('counts topics brought from the Capacity Exchange, in filters and in text', () => {
    const capx: DirectoryEntry = {
      ...entry({ username: 'Cyra' }),
      capacityExchange: { share: ['wikidata-basics'], learn: [], updated: '2026-11-01' },
    };
    const all = indexEntries([...people, capx], (id) => labels[id] ?? id);
    const find = (q: Partial<DirectoryQuery>) =>
      matchEntries(all, { ...EMPTY_QUERY, ...q }, taxonomy).map((i) => i.entry.username);
    expect(find({ topic: 'wikidata-basics', side: 'share' })).toEqual(['Bao', 'Cyra']);
    expect(find({ text: 'basic wikidata' })).toEqual(['Bao', 'Cyra']);
    expect(find({ topic: 'wikidata-basics', side: 'learn' })).toEqual([]);
  });

  it('combines language, region, role and format', () => {
    expect(names({ language: 'sw' })).toEqual(['amara']);
    expect(names({ role: 'board' })).toEqual(['José']);
    expect(names({ format: 'small-group' })).toEqual(['Bao']);
    expect(names({ format: 'one-to-one', region: 'ssa' })).toEqual(['amara']);
  });

  it('folds text for matching', () => {
    expect(foldText('Ñandú ÉTÉ')).toBe('nandu ete');
  });
});

describe('directory query in the URL', () => {
  const read = (pairs: Array<[string, string]>) => {
    const params = new URLSearchParams(pairs);
    return queryFromParams((n) => params.get(n));
  };

  it('writes only what differs from no filter, and reads it back', () => {
    const q: DirectoryQuery = {
      ...EMPTY_QUERY,
      text: 'a b',
      topic: 'category:funding',
      side: 'learn',
      region: 'cee',
      sort: 'updated',
    };
    expect(queryToParams(EMPTY_QUERY)).toEqual([]);
    expect(read(queryToParams(q))).toEqual(q);
    expect(isFiltered(q)).toBe(true);
    expect(isFiltered({ ...EMPTY_QUERY, sort: 'updated' })).toBe(false);
  });

  it('turns hand-edited nonsense into "no filter"', () => {
    expect(
      read([
        ['lc-topic', '<script>'],
        ['lc-side', 'both'],
        ['lc-region', 'mars'],
        ['lc-lang', 'EN'],
        ['lc-sort', 'random'],
      ]),
    ).toEqual({ ...EMPTY_QUERY, language: 'en' });
  });
});
