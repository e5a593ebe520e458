import { isTemporaryAccount } from '../../shared/accounts';
import { newestCounting } from '../../shared/profile-trust';
import { parseRecords } from '../../shared/records/codec';
import { memberCodec } from '../../shared/records/member';
import type { MwnWikiClient } from '../wiki/mwn-client';

export interface Revision {
  revid: number;
  user: string;
  timestamp: string;
  content?: string;
}

/**
 * A page's history, oldest first, following continuation. `withContent` costs more: use it on
 * small pages. `fromRevid` starts at that revision (inclusive) instead of the first.
 */
export async function pageHistory(
  client: MwnWikiClient,
  title: string,
  withContent: boolean,
  fromRevid = 0,
): Promise<Revision[]> {
  const responses = await client.bot.continuedQuery(
    {
      action: 'query',
      prop: 'revisions',
      titles: title,
      rvprop: withContent ? ['ids', 'user', 'timestamp', 'content'] : ['ids', 'user', 'timestamp'],
      rvslots: 'main',
      rvdir: 'newer',
      rvlimit: 'max',
      ...(fromRevid > 0 ? { rvstartid: fromRevid } : {}),
    },
    Infinity,
  );
  const out: Revision[] = [];
  for (const r of responses) {
    const page = (
      r.query as
        | {
            pages?: {
              revisions?: {
                revid: number;
                user: string;
                timestamp: string;
                slots?: { main?: { content?: string } };
              }[];
            }[];
          }
        | undefined
    )?.pages?.[0];
    for (const rev of page?.revisions ?? []) {
      out.push({
        revid: rev.revid,
        user: rev.user,
        timestamp: rev.timestamp,
        content: rev.slots?.main?.content,
      });
    }
  }
  return out;
}

export async function revisionContent(
  client: MwnWikiClient,
  revid: number,
): Promise<string | undefined> {
  const response = (await client.request({
    action: 'query',
    prop: 'revisions',
    revids: revid,
    rvprop: 'content',
    rvslots: 'main',
  })) as {
    query?: { pages?: { revisions?: { slots: { main: { content: string } } }[] }[] };
  };
  return response.query?.pages?.[0]?.revisions?.[0]?.slots.main.content;
}

/**
 * `trusted`, except that a temporary account is trusted with nothing (DESIGN.md §2: owners are
 * named accounts). Every decision about whose edit counts goes through this.
 */
export async function namedTrust(
  client: MwnWikiClient,
  trusted: (user: string) => boolean,
): Promise<(user: string) => boolean> {
  const patterns = await client.temporaryAccountPatterns();
  return (user) => !isTemporaryAccount(user, patterns) && trusted(user);
}

/** The newest revision of `title` written by someone `trusted`, with its content; null if none. */
export async function newestTrustedRevision(
  client: MwnWikiClient,
  title: string,
  trusted: (user: string) => boolean,
): Promise<Revision | null> {
  const counts = await namedTrust(client, trusted);
  const rev = newestCounting(await pageHistory(client, title, false), counts);
  return rev ? { ...rev, content: await revisionContent(client, rev.revid) } : null;
}

interface ListedUser {
  name: string;
  missing?: boolean;
  invalid?: boolean;
  groups?: string[];
}

/** `list=users` for `names`, batched: the wiki's answer for each (missing, invalid, groups). */
async function listUsers(client: MwnWikiClient, names: readonly string[]): Promise<ListedUser[]> {
  if (names.length === 0) return [];
  const responses = await client.bot.massQuery(
    { action: 'query', list: 'users', usprop: 'groups', ususers: [...names] },
    'ususers',
  );
  return responses.flatMap((r) => (r.query as { users?: ListedUser[] } | undefined)?.users ?? []);
}

/** Users among `names` who are administrators (sysop) on the wiki. */
export async function administrators(
  client: MwnWikiClient,
  names: readonly string[],
): Promise<Set<string>> {
  const users = await listUsers(client, names);
  return new Set(users.filter((u) => u.groups?.includes('sysop')).map((u) => u.name));
}

/** Names among `names` that are not accounts on the wiki (no such user, or not a user name). */
export async function notAccounts(
  client: MwnWikiClient,
  names: readonly string[],
): Promise<Set<string>> {
  const users = await listUsers(client, [...new Set(names)]);
  return new Set(users.filter((u) => u.missing || u.invalid).map((u) => u.name));
}

export interface WorkingGroup {
  /** Working-group members (role working-group) as of the newest trusted revision. */
  members: Set<string>;
  /**
   * Learning Ambassadors (role ambassador) on the same revision: trusted to run clinics, not
   * to change the page (their edits to it do not count).
   */
  ambassadors: Set<string>;
  /** The revision read, or 0 when the page does not exist. */
  revid: number;
  /** Users whose edits to the page were not used. */
  untrustedEditors: string[];
}

/**
 * The working group, from its page under the root. The page is protected on Meta, but the
 * bot does not rely on that: walking the history from the first revision, an edit counts only
 * if its author is an administrator or a member according to the last edit that counted. So
 * someone adding themselves is not trusted, whoever they are.
 */
export async function resolveWorkingGroup(
  client: MwnWikiClient,
  title: string,
): Promise<WorkingGroup> {
  const history = await pageHistory(client, title, true);
  const admins = await administrators(client, [...new Set(history.map((r) => r.user))]);
  const named = await namedTrust(client, () => true);
  let members = new Set<string>();
  let ambassadors = new Set<string>();
  let revid = 0;
  const untrusted = new Set<string>();
  for (const rev of history) {
    if (named(rev.user) && (admins.has(rev.user) || members.has(rev.user))) {
      const listed = parseRecords(memberCodec, rev.content ?? '')
        .map((r) => r.record)
        .filter((m) => m.username !== '' && named(m.username));
      const withRole = (role: string) =>
        new Set(listed.filter((m) => m.role === role).map((m) => m.username));
      members = withRole('working-group');
      ambassadors = withRole('ambassador');
      revid = rev.revid;
    } else {
      untrusted.add(rev.user);
    }
  }
  return { members, ambassadors, revid, untrustedEditors: [...untrusted] };
}
