/**
 * The skills taxonomy in use: the default from the repo merged with the working group's
 * on-wiki topics. Merging never drops data silently: every conflict is a problem.
 */
import { problem, type Problem } from '../problems';
import type { TopicRecord } from '../records/topic';
import { validateTopicRecord } from '../records/topic';
import { DEFAULT_CAPACITY_MAP } from '../capx/capacity-map';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_TOPICS,
  categoryMessageKey,
  topicMessageKey,
} from './default-topics';

export interface Topic {
  id: string;
  category: string;
  featured: boolean;
  retired: boolean;
  description: string;
  /** Labels given on-wiki, by language; default topics' labels are messages. */
  labels: Readonly<Record<string, string>>;
  source: 'default' | 'wiki';
  /** Capacity Exchange QIDs that are this topic: the repo's map plus the working group's. */
  capx: readonly string[];
}

export interface Taxonomy {
  categories: readonly string[];
  /** In display order: defaults first, then on-wiki additions in page order. */
  topics: ReadonlyMap<string, Topic>;
}

export function defaultTaxonomy(): Taxonomy {
  const topics = new Map<string, Topic>();
  for (const t of DEFAULT_TOPICS) {
    const capx = DEFAULT_CAPACITY_MAP[t.id] ?? [];
    topics.set(t.id, {
      ...t,
      retired: false,
      description: '',
      labels: {},
      source: 'default',
      capx,
    });
  }
  return { categories: DEFAULT_CATEGORIES, topics };
}

/**
 * Merges on-wiki topic records into the default taxonomy. For a default id the wiki may add
 * or override labels, the description, `featured` and `retired`, but not the category (other
 * data already relies on it; a different one is reported). An id given twice on-wiki: the
 * first wins, the repetition is reported.
 */
export function mergeTaxonomy(
  records: readonly TopicRecord[],
  base: Taxonomy = defaultTaxonomy(),
): { taxonomy: Taxonomy; problems: Problem[] } {
  const topics = new Map(base.topics);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const invalid = validateTopicRecord(r);
    problems.push(...invalid);
    if (invalid.some((p) => p.field === 'id')) continue;
    if (seen.has(r.id)) {
      problems.push(problem('id', 'letsconnect-problem-topic-duplicate', [r.id], 'warning'));
      continue;
    }
    seen.add(r.id);
    if (!base.categories.includes(r.category)) {
      const allowed = base.categories.join(', ');
      problems.push(
        problem(
          'category',
          'letsconnect-problem-enum',
          ['category', r.category, allowed],
          'warning',
        ),
      );
    }
    const existing = topics.get(r.id);
    if (existing?.source === 'default') {
      if (r.category !== '' && r.category !== existing.category) {
        problems.push(
          problem(
            'category',
            'letsconnect-problem-topic-category-conflict',
            [r.id, r.category, existing.category],
            'warning',
          ),
        );
      }
      topics.set(r.id, {
        ...existing,
        labels: { ...existing.labels, ...r.labels },
        description: r.description || existing.description,
        featured: r.featured,
        retired: r.retired,
        capx: [...new Set([...existing.capx, ...r.capx])],
      });
      continue;
    }
    if (r.labels.en === undefined) {
      problems.push(problem('label', 'letsconnect-problem-topic-label-missing', [r.id], 'warning'));
    }
    topics.set(r.id, { ...r, source: 'wiki' });
  }
  return { taxonomy: { categories: base.categories, topics }, problems };
}

/** Topic ids the taxonomy does not know: reported, and kept by the caller. */
export function unknownTopicProblems(
  taxonomy: Taxonomy,
  field: string,
  ids: readonly string[],
): Problem[] {
  return ids
    .filter((id) => !taxonomy.topics.has(id))
    .map((id) => problem(field, 'letsconnect-problem-topic-unknown', [field, id], 'warning'));
}

/** Looks a message up in the reader's language (with fallbacks); null when it has none. */
export type MessageLookup = (key: string) => string | null;

/**
 * A topic's label for a reader whose languages are `languages` (most preferred first): a
 * label given on-wiki in the first language, else the message, else an on-wiki label in a
 * fallback language, else the id itself.
 */
export function topicLabel(
  topic: Topic,
  languages: readonly string[],
  messages: MessageLookup,
): string {
  const [first, ...rest] = languages;
  const own = first === undefined ? undefined : topic.labels[first];
  if (own !== undefined) return own;
  const message = messages(topicMessageKey(topic.id));
  if (message !== null) return message;
  for (const code of [...rest, 'en']) {
    const label = topic.labels[code];
    if (label !== undefined) return label;
  }
  return topic.id;
}

export function categoryLabel(category: string, messages: MessageLookup): string {
  return messages(categoryMessageKey(category)) ?? category;
}

/** Each topic's Capacity Exchange QIDs (topics without any left out), in display order. */
export function capacityMap(taxonomy: Taxonomy): Map<string, readonly string[]> {
  return new Map(
    [...taxonomy.topics.values()].filter((t) => t.capx.length > 0).map((t) => [t.id, t.capx]),
  );
}

/** Topics of a category that are still offered, in display order. */
export function activeTopics(taxonomy: Taxonomy, category: string): Topic[] {
  return [...taxonomy.topics.values()].filter((t) => t.category === category && !t.retired);
}
