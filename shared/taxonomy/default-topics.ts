/**
 * The default skills taxonomy, from the program description's topics table ("What learning
 * will happen?") and its list of the five top skills people want to learn.
 *
 * Ids are stable: data on the wiki refers to them, so never rename one (retire it on-wiki
 * and add a new one instead). Labels are messages `letsconnect-topic-<id>` and
 * `letsconnect-category-<id>` in shared/i18n, so translators can work on them.
 *
 * The table lists "Understanding different growth paths, levels, and needs" under both
 * funding and organisational skills; it is one topic here (`growth-paths`, funding). Top
 * skills that match a table topic mark it `featured`; the others are added to the category
 * they belong to.
 */

export const DEFAULT_CATEGORIES = [
  'funding',
  'programmatic',
  'organisational',
  'technical',
  'interpersonal',
] as const;

export type DefaultCategory = (typeof DEFAULT_CATEGORIES)[number];

export interface DefaultTopic {
  readonly id: string;
  readonly category: DefaultCategory;
  /** One of the five top skills people want to learn (pilot survey). */
  readonly featured: boolean;
}

const topic = (id: string, category: DefaultCategory, featured = false): DefaultTopic => ({
  id,
  category,
  featured,
});

export const DEFAULT_TOPICS: readonly DefaultTopic[] = [
  topic('growth-paths', 'funding'),
  topic('strategy-program-design', 'funding'),
  topic('learning-evaluation-plans', 'funding', true),
  topic('qualitative-evaluation', 'funding'),
  topic('metrics-tools', 'funding'),
  topic('budget-development', 'funding'),
  topic('reporting-storytelling', 'funding'),
  topic('sustainability-scaling', 'funding'),
  topic('newcomer-training', 'programmatic'),
  topic('new-approaches', 'programmatic'),
  topic('underrepresented-newcomers', 'programmatic'),
  topic('thematic-programs', 'programmatic'),
  topic('newcomer-campaigns', 'programmatic'),
  topic('social-media-press', 'programmatic', true),
  topic('organisation-plan-strategy', 'organisational', true),
  topic('team-management', 'organisational'),
  topic('leadership-renewal', 'organisational'),
  topic('volunteer-management', 'organisational', true),
  topic('fundraising', 'organisational'),
  topic('financial-management', 'organisational'),
  topic('partnerships', 'organisational'),
  topic('advocacy', 'organisational'),
  topic('harassment-conflict', 'organisational'),
  topic('governance', 'organisational'),
  topic('newcomer-editor-resources', 'technical'),
  topic('wikidata-basics', 'technical'),
  topic('impact-topics', 'technical'),
  topic('automation-tools', 'technical'),
  topic('query-tools', 'technical', true),
  topic('conflict-transformation', 'interpersonal'),
  topic('inclusive-environments', 'interpersonal'),
];

export const topicMessageKey = (id: string): string => `letsconnect-topic-${id}`;
export const categoryMessageKey = (id: string): string => `letsconnect-category-${id}`;
