/**
 * Titles of the program's data pages (DESIGN.md section 2). The root is passed in (it is
 * configurable); shared/program.ts holds the defaults.
 */

/** `R/Participants/<Username>`: one profile per page, written by its owner. */
export function profilePageTitle(root: string, username: string): string {
  return `${root}/Participants/${username}`;
}

/** The user name that ends `title` right under `folder` (`R/Participants/`), or null. */
function ownerUnder(folder: string, title: string): string | null {
  const prefix = folder.replace(/_/g, ' ');
  const t = title.replace(/_/g, ' ');
  if (!t.startsWith(prefix)) return null;
  const name = t.slice(prefix.length);
  return name === '' || name.includes('/') ? null : name;
}

/** The owner of a profile page, or null when `title` is not one. */
export function usernameFromProfileTitle(root: string, title: string): string | null {
  return ownerUnder(`${root}/Participants/`, title);
}

/** The working group's on-wiki additions to the taxonomy. */
export const topicsPageTitle = (root: string): string => `${root}/Topics`;

/** Working group and Learning Ambassadors (protected on Meta). */
export const workingGroupPageTitle = (root: string): string => `${root}/Working group`;

/**
 * The talk page of `title`, which carries its namespace prefix (`Grants:…` → `Grants talk:…`,
 * `User:…` → `User talk:…`), as program pages do.
 */
export function talkPageTitle(title: string): string {
  const colon = title.indexOf(':');
  if (colon <= 0) return `Talk:${title}`;
  return `${title.slice(0, colon)} talk:${title.slice(colon + 1)}`;
}

/** A round of match proposals, `month` as `YYYY-MM`. */
export const connectionsPageTitle = (root: string, month: string): string =>
  `${root}/Connections/${month}`;

/** A clinic page, `date` as `YYYY-MM-DD`, `name` a short human title. */
export const clinicPageTitle = (root: string, date: string, name: string): string =>
  `${root}/Clinics/${date} ${name}`;

export const resourcesPageTitle = (root: string): string => `${root}/Resources`;

/** The resource centre indexed by topic and language (bot-written, no JavaScript needed). */
export const resourcesIndexTitle = (root: string): string => `${root}/Resources/By topic`;

/** The resource-centre items the bot accepted, as JSON for the gadget. */
export const resourcesDataTitle = (botName: string): string => `User:${botName}/Resources.json`;

/** The bot's derived JSON documents live in its own user space. */
export const directoryIndexTitle = (botName: string): string =>
  `User:${botName}/Directory/index.json`;

export const directoryShardTitle = (botName: string, shard: number): string =>
  `User:${botName}/Directory/${shard}.json`;

/** What the directory task remembers between runs (bot only). */
export const directoryStateTitle = (botName: string, part = 0): string =>
  part === 0
    ? `User:${botName}/Directory/state.json`
    : `User:${botName}/Directory/state-${part}.json`;

/** The no-JavaScript directory and the working group's list of problems, both bot-written. */
export const directoryPageTitle = (root: string): string => `${root}/Directory`;

/** A topic's page of the no-JavaScript directory; part 2, 3… when it outgrows one page. */
export const directoryTopicPageTitle = (root: string, topicId: string, part = 1): string =>
  part === 1 ? `${root}/Directory/${topicId}` : `${root}/Directory/${topicId}/${part}`;
export const maintenancePageTitle = (root: string): string => `${root}/Maintenance`;

/** The month of a round page's title (`YYYY-MM`), or null when `title` is not one. */
export function roundFromTitle(root: string, title: string): string | null {
  const prefix = `${root}/Connections/`.replace(/_/g, ' ');
  const t = title.replace(/_/g, ' ');
  if (!t.startsWith(prefix)) return null;
  const rest = t.slice(prefix.length);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(rest) ? rest : null;
}

/**
 * Where a participant reports how their connections of a round went: one page per person
 * and round, so only its owner's edits count and no two people ever edit the same page.
 */
export const outcomesPageTitle = (root: string, month: string, username: string): string =>
  `${root}/Connections/${month}/Outcomes/${username}`;

/** The reporter of an outcomes page and its round, or null when `title` is not one. */
export function parseOutcomesTitle(
  root: string,
  title: string,
): { month: string; username: string } | null {
  const prefix = `${root}/Connections/`.replace(/_/g, ' ');
  const t = title.replace(/_/g, ' ');
  if (!t.startsWith(prefix)) return null;
  const m = /^(\d{4}-(?:0[1-9]|1[0-2]))\/Outcomes\/([^/]+)$/.exec(t.slice(prefix.length));
  return m ? { month: m[1]!, username: m[2]! } : null;
}

/**
 * A participant's own page for connections they make themselves: the requests they send, their
 * answers to requests sent to them, and their replies to proposals (shared/records/request.ts).
 * One writer per page, so only its owner's edits count.
 */
export const requestsPageTitle = (root: string, username: string): string =>
  `${root}/Requests/${username}`;

/** The owner of a requests page, or null when `title` is not one. */
export function usernameFromRequestsTitle(root: string, title: string): string | null {
  return ownerUnder(`${root}/Requests/`, title);
}

/**
 * Every request the bot has seen, its state, and the connections made (bot only; the
 * documented place other tasks read accepted self-made connections from).
 */
export const requestsDataTitle = (botName: string): string => `User:${botName}/Requests.json`;

/** A round's memory: accepted proposals, reasons, messages sent, outcome counts (bot only). */
export const matchRoundTitle = (botName: string, month: string): string =>
  `User:${botName}/Connections/${month}.json`;

/** People paused after unanswered introductions (bot only). */
export const ledgerTitle = (botName: string): string => `User:${botName}/Connections/paused.json`;

/** A person's sign-up for a clinic: a page of their own under the clinic's page. */
export const clinicSignupTitle = (clinicTitle: string, username: string): string =>
  `${clinicTitle}/Sign-ups/${username}`;

/** A person's feedback on a clinic: a page of their own under the clinic's page. */
export const clinicFeedbackTitle = (clinicTitle: string, username: string): string =>
  `${clinicTitle}/Feedback/${username}`;

/** The bot's summary of a past clinic. */
export const clinicSummaryTitle = (clinicTitle: string): string => `${clinicTitle}/Summary`;

/**
 * What a title under `R/Clinics/` is: a clinic page (`R/Clinics/<YYYY-MM-DD> <name>`), one
 * person's sign-up or feedback page under it, or its summary; null for anything else.
 */
export function parseClinicTitle(
  root: string,
  title: string,
):
  | { kind: 'clinic'; clinic: string; date: string }
  | { kind: 'sign-up' | 'feedback'; clinic: string; date: string; username: string }
  | { kind: 'summary'; clinic: string; date: string }
  | null {
  const prefix = `${root}/Clinics/`.replace(/_/g, ' ');
  const t = title.replace(/_/g, ' ');
  if (!t.startsWith(prefix)) return null;
  const [name, ...rest] = t.slice(prefix.length).split('/');
  const date = /^(\d{4}-\d{2}-\d{2}) \S/.exec(name ?? '')?.[1];
  if (!date) return null;
  const clinic = `${prefix}${name}`;
  if (rest.length === 0) return { kind: 'clinic', clinic, date };
  if (rest.length === 1 && rest[0] === 'Summary') return { kind: 'summary', clinic, date };
  if (rest.length === 2 && rest[1] !== '') {
    if (rest[0] === 'Sign-ups') return { kind: 'sign-up', clinic, date, username: rest[1]! };
    if (rest[0] === 'Feedback') return { kind: 'feedback', clinic, date, username: rest[1]! };
  }
  return null;
}

/** Upcoming clinics and other learning spaces, by month (bot-written). */
export const calendarPageTitle = (root: string): string => `${root}/Calendar`;

/** What the calendar feed serves (`letsconnect-bot feed`), written by the clinics task. */
export const calendarDataTitle = (botName: string): string => `User:${botName}/Calendar.json`;

/** Learning spaces beyond clinics, kept by the working group for the calendar. */
export const learningSpacesPageTitle = (root: string): string => `${root}/Learning spaces`;

/** Topics people want to learn, with the gap to sharers, for clinic planning (bot-written). */
export const hotTopicsPageTitle = (root: string): string => `${root}/Hot topics`;

/** The program report (bot-written), and its numbers as JSON for the gadget's charts. */
export const reportPageTitle = (root: string): string => `${root}/Report`;
export const reportDataTitle = (botName: string): string => `User:${botName}/Report.json`;

/** When each profile page was created, by page id: the report's cache (bot only). */
export const creationMonthsTitle = (botName: string): string =>
  `User:${botName}/Report/created.json`;

/** Invitations to clinics already sent, so each goes once (bot only). */
export const invitationsTitle = (botName: string): string =>
  `User:${botName}/Clinics/invitations.json`;

/** Give back: the directory as Capacity Exchange capacities (see CapacitiesDocument). */
export const capacitiesDataTitle = (botName: string): string => `User:${botName}/Capacities.json`;

/** Earlier records offered to their owners' profile forms (see EarlierRecordsDocument). */
export const earlierRecordsTitle = (botName: string): string =>
  `User:${botName}/Earlier records.json`;

/**
 * A language's translations by the community: `R/Translations/<code>.json`, a JSON object of
 * message keys and texts that anyone with a named account may edit (no interface-administrator
 * rights needed). The bot checks it and publishes what it accepts (below).
 */
export const translationsPrefix = (root: string): string => `${root}/Translations/`;
export const translationPageTitle = (root: string, language: string): string =>
  `${translationsPrefix(root)}${language}.json`;

/** What a title under `R/Translations/` is for: a language code, or null when it is not one. */
export function translationLanguageFromTitle(root: string, title: string): string | null {
  const prefix = translationsPrefix(root).replace(/_/g, ' ');
  const t = title.replace(/_/g, ' ');
  if (!t.startsWith(prefix)) return null;
  const m = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.json$/.exec(t.slice(prefix.length));
  return m ? m[1]! : null;
}

/** The translations the bot accepted for a language, for the gadget and its own pages (bot only). */
export const publishedTranslationsPrefix = (botName: string): string =>
  `User:${botName}/Translations/`;
export const publishedTranslationsTitle = (botName: string, language: string): string =>
  `${publishedTranslationsPrefix(botName)}${language}.json`;

/** Clinic reminders and moved-up notices already sent, so each goes once (bot only). */
export const clinicNoticesTitle = (botName: string): string =>
  `User:${botName}/Clinics/notices.json`;
