/**
 * Reading and saving the reader's own profile page. The title always comes from the
 * logged-in user's name, never from the form, so a profile can only go to its owner's page;
 * the text is written only through the shared serialiser, and every save names the revision
 * it was based on, so someone else's edit is never overwritten.
 */
import type { DirectoryIndex } from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import { directoryIndexTitle, profilePageTitle } from '../../../shared/pages';
import type { Problem } from '../../../shared/problems';
import { parseSingleRecord, replaceRecord, type ParsedRecord } from '../../../shared/records/codec';
import { profileCodec, type Profile } from '../../../shared/records/profile';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { SaveResult, WikiClient } from '../../../shared/wiki-client';
import { taxonomyFromIndex } from '../../api';

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
}

/** One request: the person's own page and the bot's directory index (for the taxonomy). */
export async function loadOwnProfile(
  client: WikiClient,
  root: string,
  botName: string,
  username: string,
): Promise<OwnProfile> {
  const title = profilePageTitle(root, username);
  const indexTitle = directoryIndexTitle(botName);
  const pages = await client.readPages([title, indexTitle]);
  const norm = (s: string) => s.replace(/_/g, ' ');
  const page = pages.find((p) => norm(p.title) === norm(title));
  const indexPage = pages.find((p) => norm(p.title) === norm(indexTitle));
  let index: DirectoryIndex | null = null;
  if (indexPage?.exists) index = readDocument(indexPage.content ?? '', 'directory-index').document;
  const text = page?.exists ? (page.content ?? '') : '';
  const single = page?.exists ? parseSingleRecord(profileCodec, text) : null;
  return {
    username,
    title,
    profile: single?.parsed?.record ?? null,
    problems: single?.problems ?? [],
    baseRevid: page?.exists ? (page.revid ?? null) : null,
    text,
    call: single?.parsed ?? null,
    taxonomy: taxonomyFromIndex(index),
    directoryGenerated: index?.generated ?? '',
  };
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
    },
  };
}
