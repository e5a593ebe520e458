/**
 * An item in the resource centre: one `{{Let's Connect/Resource}}` call per item on
 * `R/Resources` (recordings, guides, decks… from the learning spaces).
 */
import { problem, type Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { unknownTopicProblems } from '../taxonomy/taxonomy';
import type { RecordCodec } from './codec';
import {
  checkLength,
  checkNoEmail,
  checkOptionalUsername,
  checkRequired,
  checkUrl,
} from './checks';
import { joinList, readDate, readEnum, readList, readText } from './fields';
import { KEBAB_ID, LANGUAGE_CODE, RESOURCE_KINDS, type ResourceKind } from './vocabulary';

export interface Resource {
  title: string;
  /** An https link, or '' when `page` is given. */
  url: string;
  /** A wiki page title, or '' when `url` is given. */
  page: string;
  kind: ResourceKind | '';
  topics: string[];
  languages: string[];
  addedBy: string;
  /** `YYYY-MM-DD`, or ''. */
  added: string;
  description: string;
}

export const resourceCodec: RecordCodec<Resource> = {
  template: TEMPLATES.resource.name,
  params: [
    'title',
    'url',
    'page',
    'kind',
    'topics',
    'languages',
    'added-by',
    'added',
    'description',
  ],
  toParams: (r) => [
    ['title', r.title],
    ['url', r.url],
    ['page', r.page],
    ['kind', r.kind],
    ['topics', joinList(r.topics)],
    ['languages', joinList(r.languages)],
    ['added-by', r.addedBy],
    ['added', r.added],
    ['description', r.description],
  ],
  fromParams: (bag) => ({
    title: readText(bag, 'title'),
    url: bag.get('url').trim(),
    page: readText(bag, 'page'),
    kind: readEnum(bag, 'kind', RESOURCE_KINDS),
    topics: readList(bag, 'topics', KEBAB_ID),
    languages: readList(bag, 'languages', LANGUAGE_CODE),
    addedBy: readText(bag, 'added-by'),
    added: readDate(bag, 'added'),
    description: readText(bag, 'description'),
  }),
};

export function validateResource(r: Resource, taxonomy?: Taxonomy): Problem[] {
  const problems = [
    ...checkRequired('title', r.title),
    ...checkUrl('url', r.url),
    ...checkOptionalUsername('added-by', r.addedBy),
    ...checkLength('title', r.title, 200),
    ...checkLength('description', r.description, 2000),
    ...checkNoEmail('description', r.description),
  ];
  if (r.url === '' && r.page === '')
    problems.push(problem('url', 'letsconnect-problem-required', ['url']));
  if (taxonomy) problems.push(...unknownTopicProblems(taxonomy, 'topics', r.topics));
  return problems;
}
