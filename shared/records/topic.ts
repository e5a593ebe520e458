/**
 * A topic the working group adds (or adjusts) on-wiki: one `{{Let's Connect/Topic}}` call per
 * topic on `R/Topics`. `label` is the English label; `label-<code>` the others.
 */
import { problem, type Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { RecordCodec } from './codec';
import { checkLength, checkRequired } from './checks';
import { QID } from '../capx/capacity-map';
import { joinList, readBool, readList, readText, writeBool } from './fields';
import { KEBAB_ID } from './vocabulary';

export interface TopicRecord {
  id: string;
  category: string;
  /** Labels by language code; `en` is written as `label`. */
  labels: Record<string, string>;
  description: string;
  featured: boolean;
  /** Retired topics stay known (old profiles refer to them) but are not offered any more. */
  retired: boolean;
  /** Capacity Exchange capacities (Wikidata QIDs) that are this topic (shared/capx/capacity-map.ts). */
  capx: string[];
}

export const topicCodec: RecordCodec<TopicRecord> = {
  template: TEMPLATES.topic.name,
  params: ['id', 'category', 'label', 'label-@', 'description', 'featured', 'retired', 'capx'],
  toParams: (t) => [
    ['id', t.id],
    ['category', t.category],
    ['label', t.labels.en ?? ''],
    ...Object.keys(t.labels)
      .filter((code) => code !== 'en')
      .sort()
      .map((code): [string, string] => [`label-${code}`, t.labels[code] ?? '']),
    ['description', t.description],
    ['featured', writeBool(t.featured)],
    ['retired', writeBool(t.retired)],
    ['capx', joinList(t.capx)],
  ],
  fromParams: (bag) => {
    const labels: Record<string, string> = {};
    for (const code of bag.wildcardValues('label-@')) {
      const label = bag.get(`label-${code}`);
      if (label !== '') labels[code] = label;
    }
    const en = bag.get('label');
    if (en !== '') labels.en = en;
    return {
      id: bag.get('id').trim().toLowerCase(),
      category: bag.get('category').trim().toLowerCase(),
      labels,
      description: readText(bag, 'description'),
      featured: readBool(bag, 'featured', false),
      retired: readBool(bag, 'retired', false),
      capx: readList(bag, 'capx', QID, (raw) => raw.toUpperCase()),
    };
  },
};

export function validateTopicRecord(t: TopicRecord): Problem[] {
  const problems = [
    ...checkRequired('id', t.id),
    ...checkLength('description', t.description, 500),
  ];
  if (t.id !== '' && !KEBAB_ID.test(t.id)) {
    problems.push(problem('id', 'letsconnect-problem-format', ['id', t.id]));
  }
  for (const [code, label] of Object.entries(t.labels)) {
    problems.push(...checkLength(code === 'en' ? 'label' : `label-${code}`, label, 120));
  }
  return problems;
}
