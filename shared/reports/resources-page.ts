/**
 * `R/Resources/By topic`: the resource centre's accepted items for readers without
 * JavaScript, one section per topic (in the taxonomy's order), then one per language. Links
 * are checked before they get here (https on a Wikimedia site, or a safe page title); every
 * value a person typed goes through escapeValue.
 */
import type { ResourceEntry } from '../documents/documents';
import type { RejectedResource } from '../resources/centre';
import { indexResources } from '../resources/centre';
import type { Taxonomy } from '../taxonomy/taxonomy';
import { labelCall, pageMessage } from '../labels/labels';
import { escapeValue, linkTarget, wikiLink } from '../wikitext/escape';

export interface ResourcesPageOptions {
  /**
   * Message text in the bot's language, for the hidden note to editors; the page's words are
   * the label module's (`pageMessage`), in the reader's language.
   */
  t: (key: string, ...params: (string | number)[]) => string;
  taxonomy: Taxonomy;
  /** A topic's label as wikitext (shared/labels topicWikitext). */
  topicLabel: (id: string) => string;
  /** The page items are added on (R/Resources), linked for "add a resource". */
  resourcesPage: string;
}

function link(r: ResourceEntry): string {
  return r.url !== '' ? `[${r.url} ${escapeValue(r.title)}]` : wikiLink(r.page, r.title);
}

function table(options: ResourcesPageOptions, items: readonly ResourceEntry[]): string {
  const t = pageMessage;
  const lines = [
    '{| class="wikitable sortable letsconnect-resources-index"',
    `! ${['title', 'kind', 'topics', 'languages', 'added-by'].map((c) => t(`letsconnect-resource-page-col-${c}`)).join(' !! ')}`,
  ];
  for (const r of items) {
    const by = r.addedBy === '' ? '' : wikiLink(`User:${r.addedBy}`, r.addedBy);
    lines.push(
      '|-',
      `| ${[
        link(r),
        r.kind === '' ? '' : t(`letsconnect-gadget-resource-${r.kind}`),
        r.topics.map(options.topicLabel).join(', '),
        r.languages.length === 0 ? '' : labelCall('languages', r.languages.join(', ')),
        by,
      ].join(' || ')}`,
    );
  }
  lines.push('|}');
  return lines.join('\n');
}

/** The resource centre's page, linked with the module's words for it. */
function centreLink(page: string): string {
  const words = pageMessage('letsconnect-resource-page-centre');
  const target = linkTarget(page);
  return target === null ? words : `[[${target}|${words}]]`;
}

export function renderResourcesPage(
  resources: readonly ResourceEntry[],
  rejected: readonly RejectedResource[],
  options: ResourcesPageOptions,
): string {
  const t = pageMessage;
  const { byTopic, byLanguage } = indexResources(resources);
  const out: string[] = [
    `<!-- ${options.t('letsconnect-resource-page-generated')} -->`,
    t('letsconnect-resource-page-intro', resources.length, centreLink(options.resourcesPage)),
    '',
    `== ${t('letsconnect-resource-page-heading-topics')} ==`,
  ];
  const known = [...options.taxonomy.topics.keys()].filter((id) => byTopic.has(id));
  const unknown = [...byTopic.keys()]
    .filter((id) => id !== '' && !options.taxonomy.topics.has(id))
    .sort();
  for (const id of [...known, ...unknown, ...(byTopic.has('') ? [''] : [])]) {
    const heading = id === '' ? t('letsconnect-resource-page-no-topic') : options.topicLabel(id);
    out.push(`=== ${heading} ===`, table(options, byTopic.get(id)!), '');
  }
  out.push(`== ${t('letsconnect-resource-page-heading-languages')} ==`);
  for (const code of [...byLanguage.keys()].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1,
  )) {
    const heading =
      code === '' ? t('letsconnect-resource-page-no-language') : labelCall('languages', code);
    out.push(`=== ${heading} ===`, table(options, byLanguage.get(code)!), '');
  }
  if (rejected.length > 0) {
    out.push(`== ${t('letsconnect-resource-page-heading-rejected')} ==`);
    out.push(t('letsconnect-resource-page-rejected-intro', rejected.length));
    for (const r of rejected) {
      out.push(
        `* ${escapeValue(r.title)} ([[Special:Diff/${r.revid}|${r.revid}]]): ${r.problems.map((p) => escapeValue(options.t(p.key, ...p.params))).join(' ')}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
