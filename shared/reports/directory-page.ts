/**
 * The no-JavaScript skills directory, `R/Directory`: for every topic, a sortable table of the
 * people who can share it and who want to learn it. Every value a person typed goes through
 * escapeValue, so it is text on the page, never markup.
 */
import type { DirectoryEntry } from '../documents/documents';
import { topicLabel, type MessageLookup, type Taxonomy } from '../taxonomy/taxonomy';
import { escapeValue } from '../wikitext/escape';

export interface DirectoryPageOptions {
  taxonomy: Taxonomy;
  messages: MessageLookup;
  /** Message text for the page's own words (headers, introduction). */
  t: (key: string, ...params: (string | number)[]) => string;
  /** Where the gadget mounts on this page (it replaces the table with its search view). */
  gadgetPlaceholder: boolean;
}

function userLink(username: string): string {
  // User names cannot hold [ ] | { } # < >: the link target is safe; the label is escaped.
  return `[[User:${username}|${escapeValue(username)}]]`;
}

function row(entry: DirectoryEntry, role: string): string {
  const languages = entry.languages.map((l) => `${l.code}-${l.level.toLowerCase()}`).join(', ');
  const groups = entry.groups.map((g) => g.group + (g.role ? ` (${g.role})` : '')).join('; ');
  const cells = [
    userLink(entry.username),
    escapeValue(role),
    escapeValue(languages),
    escapeValue(entry.region),
    escapeValue(groups),
  ];
  return `|-\n| ${cells.join(' || ')}`;
}

export function renderDirectoryPage(
  entries: readonly DirectoryEntry[],
  options: DirectoryPageOptions,
): string {
  const { taxonomy, t } = options;
  const lines: string[] = [
    `<!-- ${t('letsconnect-directory-page-generated')} -->`,
    t('letsconnect-directory-page-intro', entries.length),
    '',
  ];
  if (options.gadgetPlaceholder)
    lines.push('<div class="letsconnect-app letsconnect-directory-app"></div>', '');
  const header = [
    '{| class="wikitable sortable letsconnect-directory"',
    `! ${[t('letsconnect-directory-col-person'), t('letsconnect-directory-col-role'), t('letsconnect-directory-col-languages'), t('letsconnect-directory-col-region'), t('letsconnect-directory-col-groups')].join(' !! ')}`,
  ];
  for (const topic of [...taxonomy.topics.values()].filter((tp) => !tp.retired)) {
    const sharers = entries.filter((e) => e.share.includes(topic.id));
    const learners = entries.filter((e) => e.learn.includes(topic.id));
    if (sharers.length + learners.length === 0) continue;
    lines.push(`== ${escapeValue(topicLabel(topic, ['en'], options.messages))} ==`);
    lines.push(...header);
    for (const e of sharers) lines.push(row(e, t('letsconnect-directory-role-share')));
    for (const e of learners) lines.push(row(e, t('letsconnect-directory-role-learn')));
    lines.push('|}', '');
  }
  return lines.join('\n');
}
