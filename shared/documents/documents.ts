/**
 * The bot's derived JSON documents, saved in its own user space (only it and interface
 * admins can edit there). Every document carries `schemaVersion` and `kind`; a reader refuses
 * a version it does not know rather than misreading it.
 */
import type { InvitationRecord } from '../clinics/invitations';
import type { ForgedItem, RequestRecord } from '../connections/requests';
import type { ClinicNoticeRecord } from '../clinics/reminders';
import type { HoldReason } from '../connections/notify-plan';
import type { MatchMessage, TopicDemand, UnmatchedLearner } from '../matching/types';
import type { Profile } from '../records/profile';
import type { Proposal } from '../records/proposal';
import type { Topic } from '../taxonomy/taxonomy';

/** Bump when a document's shape changes incompatibly; readers check it. */
export const SCHEMA_VERSION = 1;

/**
 * MediaWiki refuses pages over 2 MiB; shards stay well under it so an entry growing between
 * sizing and saving cannot push a page over.
 */
export const MAX_DOCUMENT_BYTES = 1_500_000;

interface DocumentBase<K extends string> {
  schemaVersion: typeof SCHEMA_VERSION;
  kind: K;
  /** When the bot generated it, `YYYY-MM-DDTHH:MM:SSZ`. */
  generated: string;
}

/**
 * Topics a person's Capacity Exchange profile brings (they opted in with `capx = yes`): only
 * those they did not choose themselves, which always stay as they wrote them.
 */
export interface CapacityExchangeTopics {
  share: string[];
  learn: string[];
  /** CapX's `last_update` of the profile these came from: unchanged, nothing is recomputed. */
  updated: string;
}

/** A published profile: only listed, not-withdrawn profiles written by their owner. */
export type DirectoryEntry = Omit<Profile, 'listed' | 'withdrawn'> & {
  /** The revision of the profile page this entry was read from. */
  revid: number;
  /** From the Capacity Exchange, for people who opted in and have a CapX profile. */
  capacityExchange?: CapacityExchangeTopics;
};

/** Topics a directory entry can share or wants to learn: its own, then those from CapX. */
export function entryTopics(
  entry: Pick<DirectoryEntry, 'share' | 'learn' | 'capacityExchange'>,
  role: 'share' | 'learn',
): string[] {
  const own = entry[role];
  const more = entry.capacityExchange?.[role] ?? [];
  return more.length === 0 ? own : [...own, ...more.filter((t) => !own.includes(t))];
}

/**
 * Give back (`User:<bot>/Capacities.json`): who shares and wants what as Capacity Exchange
 * capacities (Wikidata QIDs), for everyone listed in the directory (they agreed to be listed),
 * and each topic's QIDs, so CapX or anyone can read the directory in CapX's terms.
 */
export interface CapacitiesDocument extends DocumentBase<'capacities'> {
  root: string;
  topics: Array<{ id: string; qids: string[] }>;
  people: Array<{ username: string; share: string[]; learn: string[] }>;
}

export interface DirectoryShard extends DocumentBase<'directory-shard'> {
  /** 0-based shard number. */
  shard: number;
  entries: DirectoryEntry[];
}

export interface DirectoryShardSummary {
  /** Page title of the shard. */
  title: string;
  count: number;
  /** First and last user name in the shard (entries are sorted by user name). */
  first: string;
  last: string;
}

export interface DirectoryIndex extends DocumentBase<'directory-index'> {
  /** The program root the directory was built from. */
  root: string;
  total: number;
  shards: DirectoryShardSummary[];
  /** The merged taxonomy, so the gadget needs one request for the filters. */
  topics: Topic[];
}

/** A proposal's participants as the matcher remembers them, to avoid pairing them again. */
export interface HistoryPair {
  round: string;
  proposal: string;
  learners: string[];
  sharer: string;
  status: string;
}

/** A change to a round page the bot did not accept: its author is not in the working group. */
export interface RejectedChange {
  proposal: string;
  user: string;
  revid: number;
  timestamp: string;
  /** The proposal's parameter, or `proposal` for a whole call added or removed. */
  field: string;
  from: string;
  to: string;
}

/** A message the notifier left (or was not allowed to leave) on a participant's talk page. */
export interface SentMessage {
  /** `<kind>:<proposal>:<user>`: the same message is never sent twice. */
  key: string;
  /** `not-this-month` / `not-a-good-fit`: another participant said so after the introduction. */
  kind: 'intro' | 'follow-up' | 'last-follow-up' | 'not-this-month' | 'not-a-good-fit';
  proposal: string;
  user: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  /** `excluded`: the talk page's {{bots}}/{{nobots}} said no; the bot will not try again. */
  status: 'sent' | 'excluded';
}

export interface OutcomeCounts {
  /** Proposals with at least one report. */
  reported: number;
  met: number;
  scheduled: number;
  notMet: number;
  /** Reports that gave a usefulness rating, and their sum (mean = sum / rated). */
  rated: number;
  ratingSum: number;
  /** Reports given (the "brief summary of the result"), one per participant and connection. */
  reports?: number;
  /** Of `met`, connections people made themselves (proposals with origin `self-made`). */
  selfMadeMet?: number;
}

/**
 * One round's memory (`User:<bot>/Connections/<YYYY-MM>.json`): the proposals as the bot
 * accepted them from the round page's history (reviews by working-group members only), why
 * each was proposed, who was left out and why, what was rejected, the messages sent, and the
 * outcome counts for the report.
 */
export interface MatchHistory extends DocumentBase<'match-history'> {
  round: string;
  /** The round page's revision the proposals were accepted up to (0: not written yet). */
  lastrevid: number;
  proposals: Proposal[];
  /** The engine's reasons per proposal id, as message keys and values. */
  reasons: Record<string, MatchMessage[]>;
  unmatched: UnmatchedLearner[];
  unmetDemand: TopicDemand[];
  rejected: RejectedChange[];
  messages: SentMessage[];
  outcomes: OutcomeCounts;
  /**
   * Approved proposals the notifier did not introduce, one row per person and reason (see
   * shared/connections/pairing-check.ts), as of its last run; absent before the first.
   */
  held?: HeldBack[];
}

export interface HeldBack {
  proposal: string;
  user: string;
  reason: HoldReason;
  /** `YYYY-MM-DD` of the run that first held it back for this reason. */
  since: string;
}

/**
 * Connections people make themselves (`User:<bot>/Requests.json`): every request the bot has
 * seen, with its state (open, accepted, declined, expired, refused and why, withdrawn), the
 * answers and requests that counted for nothing, and unusual volumes, for the working group.
 *
 * Accepted self-made connections are `requests` with `state: 'accepted'`; each names its
 * `connection` (`round`, `proposal`): the proposal with `origin: 'self-made'` in that round's
 * document, where the match task counts it like any live proposal (it holds the learner for
 * the month and uses one of the sharer's connections per month).
 */
export interface RequestsDocument extends DocumentBase<'connection-requests'> {
  root: string;
  requests: RequestRecord[];
  forged: ForgedItem[];
  unusual: Array<{ user: string; requests: number }>;
}

/** People the notifier paused after three unanswered introductions in a row. */
export interface Ledger extends DocumentBase<'ledger'> {
  paused: Array<{ user: string; since: string }>;
}

/** A problem the bot found on a page, and the date it first saw it (for R/Maintenance). */
export interface StoredProblem {
  field: string;
  key: string;
  params: Array<string | number>;
  severity: 'error' | 'warning';
  /** `YYYY-MM-DD` of the run that first reported it. */
  since: string;
}

/**
 * What the directory task remembers between runs, so the next run re-reads only the profile
 * pages that changed: every profile page's latest revision, and its problems.
 */
export interface DirectoryState extends DocumentBase<'directory-state'> {
  root: string;
  /** The working-group and topics pages' revisions used: when either changes, every profile is read again. */
  workingGroupRevid: number;
  topicsRevid: number;
  /** The state is split over `parts` documents (part 0 at state.json) to stay under the page limit. */
  part: number;
  parts: number;
  pages: Array<{ title: string; lastrevid: number; problems: StoredProblem[] }>;
}

/** A number of people (or items) under an id: a region, a role, a topic, a language. */
export interface ReportCount {
  id: string;
  count: number;
}

/** The program report's numbers for one month (`YYYY-MM`), each as defined on R/Report. */
export interface ReportMonth {
  month: string;
  /** Profiles first saved that month (registered now: not withdrawn). */
  registered: number;
  clinics: number;
  participations: number;
  feedback: number;
  /** Feedback that answered "was it useful", and how many said yes. */
  usefulAnswered: number;
  useful: number;
  /** The matcher's proposals (self-made connections are counted apart). */
  proposed: number;
  approved: number;
  /** The matcher's proposals with a report that the people met. */
  met: number;
  /** Connections people made themselves (a request and its acceptance). */
  selfMade: number;
  selfMadeMet: number;
  /** Outcome reports given on connections of either kind. */
  summaries: number;
}

export type ReportTotals = Omit<ReportMonth, 'month'> & {
  /** Registered participants who agreed to be listed in the directory. */
  listed: number;
  /** Registered participants naming at least one group or affiliate. */
  affiliated: number;
  /** Feedback with a 1–5 rating, and the ratings' sum (mean = sum / rated). */
  rated: number;
  ratingSum: number;
  /** Items in the resource centre the bot accepted. */
  resources: number;
};

/**
 * The program report's numbers (`User:<bot>/Report.json`): what R/Report shows as tables and
 * the gadget draws as charts. Counts only, never names.
 */
export interface ReportData extends DocumentBase<'report'> {
  root: string;
  totals: ReportTotals;
  /** Oldest first; every month from the first with anything to the last. */
  months: ReportMonth[];
  regions: ReportCount[];
  roles: ReportCount[];
  /** Registered participants wanting to learn / able to share each topic, most first. */
  learn: ReportCount[];
  share: ReportCount[];
}

/** A resource-centre item the bot accepted from R/Resources, with the revision that added it. */
export interface ResourceEntry {
  title: string;
  /** An https link on a Wikimedia site, or '' when `page` is given. */
  url: string;
  /** A page on the program's wiki, or ''. */
  page: string;
  kind: string;
  topics: string[];
  languages: string[];
  addedBy: string;
  added: string;
  description: string;
  revid: number;
}

/** The resource centre as the bot accepted it (`User:<bot>/Resources.json`), for the gadget. */
export interface ResourceIndex extends DocumentBase<'resources'> {
  root: string;
  /** The revision of R/Resources read (0: no page). */
  lastrevid: number;
  resources: ResourceEntry[];
}

/** Clinic invitations left on talk pages (`User:<bot>/Clinics/invitations.json`): each goes once. */
export interface ClinicInvitations extends DocumentBase<'clinic-invitations'> {
  sent: InvitationRecord[];
}

/**
 * Clinic reminders and moved-up notices left on talk pages (`User:<bot>/Clinics/notices.json`):
 * each goes once.
 */
export interface ClinicNotices extends DocumentBase<'clinic-notices'> {
  sent: ClinicNoticeRecord[];
}

/**
 * The month each profile page was created (`User:<bot>/Report/created.json`), by page id:
 * the API gives a page's first revision one title at a time, so the report asks only for
 * pages it has not seen before.
 */
export interface CreationMonths extends DocumentBase<'creation-months'> {
  pages: Array<{ id: number; month: string }>;
}

/**
 * A person's record from the program's earlier directory (letsconn, or the working group's
 * CSV export), in this program's terms, for their profile form to offer as a starting point.
 * Only the public fields that have a place in the form: never an email, a name, a gender, an
 * age or any other column. Nothing here is in the directory until the person saves.
 */
export interface EarlierRecord {
  username: string;
  source: 'letsconn' | 'csv';
  /** The affiliation as the record wrote it. */
  group: string;
  /** A funding region id, or '' when the territory names none we know. */
  region: string;
  /** Language codes (the person sets the levels). */
  languages: string[];
  /** Topic ids the record's interests name; what no topic matches, as text. */
  learn: string[];
  share: string[];
  learnOther: string;
  shareOther: string;
}

/**
 * `User:<bot>/Earlier records.json`, written by `earlier-records`: the records of people who
 * have no profile yet, and the claim invitations left (each person is invited once).
 */
export interface EarlierRecordsDocument extends DocumentBase<'earlier-records'> {
  records: EarlierRecord[];
  invited: Array<{ user: string; at: string; status: 'sent' | 'excluded' }>;
}

/**
 * A language's community translations as the bot accepted them
 * (`User:<bot>/Translations/<code>.json`): only keys that passed the check, from the newest
 * revision of `R/Translations/<code>.json` by a named account. The gadget and the bot read this.
 */
export interface Translations extends DocumentBase<'translations'> {
  language: string;
  /** The community page read, and its revision (0: none). */
  source: string;
  revid: number;
  messages: Array<{ key: string; text: string }>;
}

/** Someone's place in a clinic, as the calendar feed serves it. */
export interface CalendarPlace {
  /** A named account. */
  user: string;
  /** Their session (1, 2…), or 0 for every session (a sharer or interpreter the page lists). */
  session: number;
}

/** A clinic or learning space in the calendar, as the bot accepted it. */
export interface CalendarEntry {
  /** The clinic's page; for a learning space, `<R/Learning spaces>#<title>`. The UID's source. */
  page: string;
  kind: 'clinic' | 'space';
  title: string;
  /** UTC `YYYY-MM-DDTHH:MMZ`, one a session. */
  sessions: string[];
  minutes: number;
  /** The organiser's IANA time zone ('' when none is given). */
  timezone: string;
  link: string;
  description: string;
  /** The clinic's status ('' when none is set); `cancelled` stays in the feed, marked so. */
  status: string;
  /** Who holds a place (confirmed, or on the team), for their own feed. */
  places: CalendarPlace[];
}

/**
 * `User:<bot>/Calendar.json`: what the calendar feed (bot/feed) serves, to the program's
 * calendar and to each person's own: clinics from a year back and ahead, and learning spaces.
 */
export interface CalendarDocument extends DocumentBase<'calendar'> {
  root: string;
  /** Where the calendar feed answers (the `feedUrl` setting), or '' when none runs. */
  feedUrl: string;
  entries: CalendarEntry[];
}

export type ProgramDocument =
  | CalendarDocument
  | CapacitiesDocument
  | EarlierRecordsDocument
  | Translations
  | ClinicInvitations
  | ClinicNotices
  | CreationMonths
  | DirectoryShard
  | DirectoryIndex
  | MatchHistory
  | Ledger
  | DirectoryState
  | ReportData
  | RequestsDocument
  | ResourceIndex;
export type DocumentKind = ProgramDocument['kind'];

/** The consent gate, in one place: null unless the person agreed to be listed and is active. */
export function toDirectoryEntry(profile: Profile, revid: number): DirectoryEntry | null {
  if (!profile.listed || profile.withdrawn) return null;
  const { listed: _listed, withdrawn: _withdrawn, ...entry } = profile;
  return { ...entry, revid };
}

/**
 * Splits sorted entries into shards of at most `maxBytes` of JSON each (an entry larger than
 * that on its own gets a shard of its own).
 */
export function shardEntries<T = DirectoryEntry>(
  entries: readonly T[],
  maxBytes: number = MAX_DOCUMENT_BYTES,
): T[][] {
  const shards: T[][] = [];
  let current: T[] = [];
  let size = 200; // the shard's own fields
  for (const entry of entries) {
    // UTF-8 bytes: code points over U+007F take 2–4 bytes; counting 4 errs on the safe side.
    const json = JSON.stringify(entry);
    const bytes = json.length + 3 * (json.match(/[^\x20-\x7e]/g)?.length ?? 0) + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      shards.push(current);
      current = [];
      size = 200;
    }
    current.push(entry);
    size += bytes;
  }
  if (current.length > 0) shards.push(current);
  return shards;
}
