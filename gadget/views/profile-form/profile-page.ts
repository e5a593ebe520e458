/**
 * Reading and saving the reader's own profile page. The title always comes from the
 * logged-in user's name, never from the form, so a profile can only go to its owner's page;
 * the text is written only through the shared serialiser, and every save names the revision
 * it was based on, so someone else's edit is never overwritten.
 */
import type { DirectoryIndex, EarlierRecord } from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import { directoryIndexTitle, earlierRecordsTitle, profilePageTitle } from '../../../shared/pages';
import type { Problem } from '../../../shared/problems';
import { newestCounting, profileEditCounts } from '../../../shared/profile-trust';
import { parseSingleRecord, replaceRecord, type ParsedRecord } from '../../../shared/records/codec';
import { profileCodec, withdrawnProfile, type Profile } from '../../../shared/records/profile';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { PageRevision, SaveResult, WikiClient } from '../../../shared/wiki-client';
import { pageNamed, taxonomyFromIndex } from '../../api';

/** Where on Meta to ask administrators for revision deletion (hiding old revisions). */
export const REVISION_DELETION_PAGE = 'Meta:Requests for help from a sysop or bureaucrat';

/** How far back the form looks for the owner's own revision (one request). */
export const HISTORY_LIMIT = 50;

/** Someone else's edit on the page, passed over: the form shows the owner's own version. */
export interface ForeignEdit {
  /** Who made the newest edit (the page's latest revision). */
  user: string;
  /** The page's latest revision, and the owner's own one the form shows (null: none). */
  revid: number;
  trustedRevid: number | null;
}

export interface OwnProfile {
  username: string;
  title: string;
  /** The profile on the page, or null when the person has not registered yet. */
  profile: Profile | null;
  /** Problems the shared parser found on the page (e.g. a hand edit gone wrong). */
  problems: Problem[];
  /** The revision the form is based on; null when the page does not exist. */
  baseRevid: number | null;
  text: string;
  call: Pick<ParsedRecord<Profile>, 'start' | 'end'> | null;
  taxonomy: Taxonomy;
  /** When the bot last built the directory, or '' (for "when will I be listed"). */
  directoryGenerated: string;
  /**
   * The page's latest edit is not the owner's (nor the working group's): the profile, text and
   * call above are from the owner's own last revision (the one the bot uses), the base
   * revision is the latest, so saving puts the owner's version back with their changes.
   */
  foreignEdit: ForeignEdit | null;
  /**
   * After withdrawing (the page keeps only the user name), the owner's last profile before it
   * from the page history, offered back in the form; null when there is none.
   */
  before: Profile | null;
  /**
   * The owner's record from the program's earlier directory, offered to fill in the form of
   * someone without a profile (the bot's `earlier` command puts it in its JSON); null: none.
   */
  earlier?: EarlierRecord | null;
}

/**
 * One request: the person's own page and the bot's directory index (for the taxonomy). When
 * the latest edit is someone else's, or the profile is withdrawn, a second one reads the
 * page's recent history.
 *
 * Only the owner's own edits are loaded into their form. The bot also counts working-group
 * members' edits, but it decides who is a member by walking the working-group page's history;
 * the form would have only that page's current text, which anyone can add a name to, and the
 * owner's next save would adopt that person's edit as their own. A member's fix is not lost:
 * the form says who changed the page and links the difference.
 */
export async function loadOwnProfile(
  client: WikiClient,
  root: string,
  botName: string,
  username: string,
): Promise<OwnProfile> {
  const title = profilePageTitle(root, username);
  const indexTitle = directoryIndexTitle(botName);
  const recordsTitle = earlierRecordsTitle(botName);
  // In the same request: the earlier records, offered only to someone without a profile.
  const pages = await client.readPages([title, indexTitle, recordsTitle]);
  const page = pageNamed(pages, title);
  const indexPage = pageNamed(pages, indexTitle);
  let index: DirectoryIndex | null = null;
  if (indexPage?.exists) index = readDocument(indexPage.content ?? '', 'directory-index').document;
  const counts = profileEditCounts(username, []);
  const history = async () =>
    client.readHistory ? await client.readHistory(title, HISTORY_LIMIT) : [];

  let text = page?.exists ? (page.content ?? '') : '';
  let foreignEdit: ForeignEdit | null = null;
  let revisions: PageRevision[] | null = null;
  if (page?.exists && !counts(page.user ?? '')) {
    // Someone else wrote last: the owner's own newest revision, or nothing (a fresh form).
    revisions = await history();
    const own = newestCounting(revisions, counts);
    text = own?.content ?? '';
    foreignEdit = {
      user: page.user ?? '',
      revid: page.revid ?? 0,
      trustedRevid: own?.revid ?? null,
    };
  }
  const single = text === '' ? null : parseSingleRecord(profileCodec, text);
  const profile = single?.parsed?.record ?? null;
  let before: Profile | null = null;
  if (profile?.withdrawn) {
    revisions ??= await history();
    before = lastProfileBeforeWithdrawal(revisions, counts);
  }
  return {
    username,
    title,
    profile,
    problems: single?.problems ?? [],
    baseRevid: page?.exists ? (page.revid ?? null) : null,
    text,
    call: single?.parsed ?? null,
    taxonomy: taxonomyFromIndex(index),
    directoryGenerated: index?.generated ?? '',
    foreignEdit,
    before,
    earlier:
      profile && !profile.withdrawn
        ? null
        : earlierRecordOf(pageNamed(pages, recordsTitle), username),
  };
}

function earlierRecordOf(page: PageRevision | undefined, username: string): EarlierRecord | null {
  if (!page?.exists) return null;
  const doc = readDocument(page.content ?? '', 'earlier-records').document;
  return doc?.records.find((r) => r.username === username) ?? null;
}

/** The newest profile, written by someone who counts, that was not withdrawn (or null). */
function lastProfileBeforeWithdrawal(
  revisions: readonly PageRevision[],
  counts: (user: string) => boolean,
): Profile | null {
  const newestFirst = [...revisions].sort((a, b) => (b.revid ?? 0) - (a.revid ?? 0));
  for (const rev of newestFirst) {
    if (!counts(rev.user ?? '')) continue;
    const p = parseSingleRecord(profileCodec, rev.content ?? '').parsed?.record;
    if (p && !p.withdrawn) return p;
  }
  return null;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the profile's `updated` format. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Saves `profile` over the profile call on the page (anything else on the page is kept as
 * it was), as the owner, based on the revision the form was loaded from. Returns the new
 * state of the page, so a second save is based on the first.
 */
export async function saveOwnProfile(
  client: WikiClient,
  own: OwnProfile,
  profile: Profile,
  summary: string,
  now: Date,
): Promise<{ result: SaveResult; own: OwnProfile }> {
  const record: Profile = { ...profile, username: own.username, updated: stamp(now) };
  const text = replaceRecord(profileCodec, own.text, own.call, record);
  const result = await client.save(own.title, text, summary, own.baseRevid);
  const reread = parseSingleRecord(profileCodec, text).parsed;
  return {
    result,
    own: {
      ...own,
      profile: record,
      problems: [],
      baseRevid: result.revid,
      text,
      call: reread,
      foreignEdit: null,
      before: own.before,
    },
  };
}

/**
 * Withdraws: the page keeps only the user name, the withdrawn flag and when (every personal
 * field, and anything else on the page, is removed). Earlier versions stay in the page
 * history; the form says so and how to ask for revision deletion.
 */
export async function withdrawOwnProfile(
  client: WikiClient,
  own: OwnProfile,
  summary: string,
  now: Date,
): Promise<{ result: SaveResult; own: OwnProfile }> {
  const blank: OwnProfile = { ...own, text: '', call: null };
  const saved = await saveOwnProfile(client, blank, withdrawnProfile(own.username), summary, now);
  return {
    ...saved,
    own: { ...saved.own, before: own.profile?.withdrawn ? own.before : own.profile },
  };
}
