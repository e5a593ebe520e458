import {
  CAPX_TOP_CAPACITIES,
  DEFAULT_CAPACITY_MAP,
  QID,
  capacitiesForTopics,
  topicsForCapacities,
} from '../../../shared/capx/capacity-map';
import { entryTopics, type DirectoryEntry } from '../../../shared/documents/documents';
import { parseSingleRecord, serialiseRecord } from '../../../shared/records/codec';
import { topicCodec } from '../../../shared/records/topic';
import { DEFAULT_TOPICS } from '../../../shared/taxonomy/default-topics';
import { capacityMap, defaultTaxonomy, mergeTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { profileFixture } from '../support/profile-fixture';

describe('the topic ↔ Capacity Exchange map', () => {
  it('maps only topics we have, to well-formed QIDs', () => {
    const ids = new Set(DEFAULT_TOPICS.map((t) => t.id));
    for (const [topic, qids] of Object.entries(DEFAULT_CAPACITY_MAP)) {
      expect([topic, ids.has(topic)]).toEqual([topic, true]);
      for (const q of qids) expect([q, QID.test(q)]).toEqual([q, true]);
    }
    for (const c of CAPX_TOP_CAPACITIES) expect(QID.test(c.qid)).toBe(true);
  });

  it('brings every topic that lists a capacity, and says which capacities no topic lists', () => {
    const map = capacityMap(defaultTaxonomy());
    expect(topicsForCapacities(map, ['Q11024', 'Q999', 'Q2013', 'Q999'])).toEqual({
      topics: ['social-media-press', 'wikidata-basics'],
      unmapped: ['Q999'],
    });
    expect(capacitiesForTopics(map, ['wikidata-basics', 'fundraising', 'wikidata-basics'])).toEqual(
      ['Q2013'],
    );
  });

  it("is extended on-wiki with the capx parameter of {{Let's Connect/Topic}}, bad QIDs reported", () => {
    const text = serialiseRecord(topicCodec, {
      id: 'fundraising',
      category: 'organisational',
      labels: {},
      description: '',
      featured: false,
      retired: false,
      capx: ['Q8054'],
    });
    const parsed = parseSingleRecord(
      topicCodec,
      `${text.replace('Q8054', 'Q8054, q42, Q0x')}`,
    ).parsed!;
    expect(parsed.record.capx).toEqual(['Q8054', 'Q42']);
    expect(parsed.problems.map((p) => p.params)).toEqual([['capx', 'Q0x']]);
    const { taxonomy } = mergeTaxonomy([
      parsed.record,
      { ...parsed.record, id: 'social-media-press', category: 'programmatic', capx: ['Q202833'] },
    ]);
    const map = capacityMap(taxonomy);
    expect(map.get('fundraising')).toEqual(['Q8054', 'Q42']);
    // A default topic keeps the repo's QIDs and gets the working group's too.
    expect(map.get('social-media-press')).toEqual(['Q11024', 'Q202833']);
  });

  it("counts CapX topics with the person's own, which come first and are never replaced", () => {
    const entry: DirectoryEntry = {
      ...profileFixture({ share: ['fundraising'], learn: ['governance'] }),
      revid: 1,
      capacityExchange: { share: ['fundraising', 'advocacy'], learn: [], updated: 'x' },
    };
    expect(entryTopics(entry, 'share')).toEqual(['fundraising', 'advocacy']);
    expect(entryTopics(entry, 'learn')).toEqual(['governance']);
  });
});
