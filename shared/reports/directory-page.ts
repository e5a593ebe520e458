/**
 * The no-JavaScript skills directory: `R/Directory` lists the topics, with how many people
 * share and want to learn each, and links to one page per topic (`R/Directory/<topic id>`)
 * with a sortable table of those people. One page per topic keeps every page far below
 * MediaWiki's 2 MiB limit at 10,000 profiles; a topic that still outgrows a page continues
 * on numbered parts. Every value a person typed goes through escapeValue: text, never markup.
 */
import { entryTopics, type DirectoryEntry } from '../documents/documents';
import type { MessageLookup, Taxonomy, Topic } from '../taxonomy/taxonomy';
import { labelCall, pageMessage, topicWikitext } from '../labels/labels';
import { wikiLink } from '../wikitext/escape';

export interface DirectoryPageOptions {
  taxonomy: Taxonomy;
  messages: MessageLookup;
  /**
   * Message text in the bot's language, for the hidden note to editors; the page's words are
   * the label module's (`pageMessage`), in the reader's language.
   */
  t: (key: string, ...params: (string | number)[]) => string;
  /** Title of a topic's page; part 1 is the topic's main page. */
  topicPageTitle: (topicId: string, part: number) => string;
  /** Largest wikitext a page may get, in bytes (MediaWiki's limit is 2 MiB). */
  maxBytes?: number;
}

export interface RenderedPage {
  title: string;
  text: string;
}

/** UTF-8 length, as MediaWiki counts a page's size (no Buffer: shared code runs in browsers too). */
function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function userLink(username: string): string {
  // User names cannot hold [ ] | { } # < >: the link target is safe; the label is escaped.
  return wikiLink(`User:${username}`, username);
}

/**
 * A person's row. Languages, region and roles are ids in the data: the label module shows
 * them as words in the reader's language ("Spanish (native)", "South Asia", "Organiser").
 */
function row(entry: DirectoryEntry, role: string): string {
  const languages = entry.languages.map((l) => `${l.code}-${l.level}`).join(', ');
  const cells = [
    userLink(entry.username),
    role,
    languages === '' ? '' : labelCall('languages', languages),
    entry.region === '' ? '' : labelCall('region', entry.region),
    entry.groups.length === 0
      ? ''
      : labelCall('groups', ...entry.groups.flatMap((g) => [g.group, g.role])),
  ];
  return `|-\n| ${cells.join(' || ')}`;
}

function tableHeader(): string {
  const columns = ['person', 'role', 'languages', 'region', 'groups'].map((c) =>
    pageMessage(`letsconnect-directory-col-${c}`),
  );
  return `{| class="wikitable sortable letsconnect-directory"\n! ${columns.join(' !! ')}`;
}

/** Splits rows into pages of at most `maxBytes` (UTF-8), each a complete table. */
function paginate(rows: string[], head: string, maxBytes: number): string[] {
  const pages: string[] = [];
  let current: string[] = [];
  let size = utf8Bytes(head);
  for (const r of rows) {
    const bytes = utf8Bytes(r) + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      pages.push(`${head}\n${current.join('\n')}\n|}`);
      current = [];
      size = utf8Bytes(head);
    }
    current.push(r);
    size += bytes;
  }
  pages.push(`${head}\n${current.join('\n')}\n|}`);
  return pages;
}

export function renderDirectoryPages(
  entries: readonly DirectoryEntry[],
  options: DirectoryPageOptions,
): { overview: string; topicPages: RenderedPage[] } {
  const { taxonomy, t } = options;
  const maxBytes = options.maxBytes ?? 1_500_000;
  const generated = `<!-- ${t('letsconnect-directory-page-generated')} -->`;
  // A default topic's label comes from the label module, in the reader's language; a topic the
  // working group added on-wiki has its labels only in the taxonomy the bot read.
  const label = (topic: Topic) => topicWikitext(taxonomy, options.messages, topic.id);
  const overview: string[] = [
    generated,
    pageMessage('letsconnect-directory-page-intro', entries.length),
    '',
    '<div class="letsconnect-app letsconnect-directory-app"></div>',
    '',
    '{| class="wikitable sortable letsconnect-directory-topics"',
    `! ${['col-category', 'col-topic', 'role-share', 'role-learn'].map((k) => pageMessage(`letsconnect-directory-${k}`)).join(' !! ')}`,
  ];
  const topicPages: RenderedPage[] = [];
  for (const topic of [...taxonomy.topics.values()].filter((tp) => !tp.retired)) {
    const sharers = entries.filter((e) => entryTopics(e, 'share').includes(topic.id));
    const learners = entries.filter((e) => entryTopics(e, 'learn').includes(topic.id));
    if (sharers.length + learners.length === 0) continue;
    // Topics brought from the Capacity Exchange say so: the person did not choose them here.
    const role = (e: DirectoryEntry, r: 'share' | 'learn') =>
      pageMessage(`letsconnect-directory-role-${r}${e[r].includes(topic.id) ? '' : '-capx'}`);
    const rows = [
      ...sharers.map((e) => row(e, role(e, 'share'))),
      ...learners.map((e) => row(e, role(e, 'learn'))),
    ];
    const parts = paginate(rows, tableHeader(), maxBytes - 2000);
    parts.forEach((table, i) => {
      const heading = `${generated}\n${pageMessage('letsconnect-directory-topic-intro', label(topic), sharers.length, learners.length)}\n`;
      const more =
        i + 1 < parts.length
          ? `\n[[${options.topicPageTitle(topic.id, i + 2)}|${pageMessage('letsconnect-directory-next-part')}]]\n`
          : '';
      topicPages.push({
        title: options.topicPageTitle(topic.id, i + 1),
        text: `${heading}\n${table}\n${more}`,
      });
    });
    overview.push(
      '|-',
      `| ${[labelCall('category', topic.category), `[[${options.topicPageTitle(topic.id, 1)}|${label(topic)}]]`, sharers.length, learners.length].join(' || ')}`,
    );
  }
  overview.push('|}', '');
  return { overview: overview.join('\n'), topicPages };
}
