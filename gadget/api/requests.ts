/**
 * The reader's own requests page (`R/Requests/<User>`) and the bot's requests document, for
 * asking to connect, answering, and saying yes or no to a proposal. The title always comes
 * from the logged-in user's name, so a request or answer can only go on its writer's own page;
 * the text the reader's save is based on is their own newest revision (an edit someone else
 * made there is passed over, as the bot passes it over), and every save names the latest
 * revision, so no one's edit is overwritten unseen.
 */
import type { DirectoryIndex, RequestsDocument } from '../../shared/documents/documents';
import { readDocument } from '../../shared/documents/read-document';
import { directoryIndexTitle, requestsDataTitle, requestsPageTitle } from '../../shared/pages';
import { newestCounting, profileEditCounts } from '../../shared/profile-trust';
import type { Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../shared/wiki-client';
import { taxonomyFromIndex } from './bot-data';
import { failureKind } from './api-error';
import { failed, pageNamed, SAVE_ATTEMPTS, type Failed } from './pages';

/** How far back the reader's own newest revision is looked for (one request). */
const HISTORY_LIMIT = 50;

export interface OwnRequestsPage {
  title: string;
  /** The reader's own newest text ('' for a new page or one only others wrote). */
  text: string;
  /** The latest revision (what a save is based on), null when the page does not exist. */
  revid: number | null;
  /** Someone else wrote the latest revision: it was passed over. */
  foreignUser: string | null;
}

export interface RequestsData {
  /** The bot's requests document, or null before its first run. */
  data: RequestsDocument | null;
  taxonomy: Taxonomy;
}

/** The bot's requests document and the topics, in one request (with `also` read alongside). */
export async function loadRequestsData(
  client: WikiClient,
  botName: string,
  also: readonly string[] = [],
): Promise<RequestsData & { pages: Awaited<ReturnType<WikiClient['readPages']>> }> {
  const dataTitle = requestsDataTitle(botName);
  const indexTitle = directoryIndexTitle(botName);
  const pages = await client.readPages([...also, dataTitle, indexTitle]);
  const dataPage = pageNamed(pages, dataTitle);
  const indexPage = pageNamed(pages, indexTitle);
  const data = dataPage?.exists
    ? readDocument(dataPage.content ?? '', 'connection-requests').document
    : null;
  const index: DirectoryIndex | null = indexPage?.exists
    ? readDocument(indexPage.content ?? '', 'directory-index').document
    : null;
  return { data, taxonomy: taxonomyFromIndex(index), pages };
}

/** The reader's own page with the bot's document and the topics: one request (two when someone else edited it). */
export async function loadOwnRequests(
  client: WikiClient,
  root: string,
  botName: string,
  username: string,
): Promise<RequestsData & { page: OwnRequestsPage }> {
  const title = requestsPageTitle(root, username);
  const { data, taxonomy, pages } = await loadRequestsData(client, botName, [title]);
  return { data, taxonomy, page: await ownVersion(client, title, username, pages) };
}

async function ownVersion(
  client: WikiClient,
  title: string,
  username: string,
  read?: Awaited<ReturnType<WikiClient['readPages']>>,
): Promise<OwnRequestsPage> {
  const page = pageNamed(read ?? (await client.readPages([title])), title);
  if (!page?.exists) return { title, text: '', revid: null, foreignUser: null };
  const counts = profileEditCounts(username, []);
  if (counts(page.user ?? ''))
    return { title, text: page.content ?? '', revid: page.revid ?? null, foreignUser: null };
  const history = client.readHistory ? await client.readHistory(title, HISTORY_LIMIT, counts) : [];
  return {
    title,
    text: newestCounting(history, counts)?.content ?? '',
    revid: page.revid ?? null,
    foreignUser: page.user ?? '',
  };
}

/**
 * Saves `change(text)` over the reader's own text; on an edit conflict reads again and applies
 * the change again. `change` returns `{ stop }` to give up without saving.
 */
export async function saveOwnRequests<T>(
  client: WikiClient,
  first: OwnRequestsPage,
  username: string,
  summary: string,
  change: (text: string) => { text: string } | { stop: T },
): Promise<{ saved: OwnRequestsPage } | { stop: T } | Failed> {
  let page = first;
  for (let attempt = 1; ; attempt++) {
    const next = change(page.text);
    if ('stop' in next) return next;
    try {
      const result = await client.save(page.title, next.text, summary, page.revid);
      return { saved: { ...page, text: next.text, revid: result.revid, foreignUser: null } };
    } catch (err) {
      if (failureKind(err) !== 'conflict' || attempt >= SAVE_ATTEMPTS) return failed(err);
    }
    try {
      page = await ownVersion(client, page.title, username);
    } catch (err) {
      return failed(err);
    }
  }
}
