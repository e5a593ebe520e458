/**
 * Titles of the program's data pages (DESIGN.md section 2). The root is passed in (it is
 * configurable); shared/program.ts holds the defaults.
 */

/** `R/Participants/<Username>`: one profile per page, written by its owner. */
export function profilePageTitle(root: string, username: string): string {
  return `${root}/Participants/${username}`;
}

/** The owner of a profile page, or null when `title` is not one. */
export function usernameFromProfileTitle(root: string, title: string): string | null {
  const prefix = `${root}/Participants/`.replace(/_/g, ' ');
  const t = title.replace(/_/g, ' ');
  if (!t.startsWith(prefix)) return null;
  const name = t.slice(prefix.length);
  return name === '' || name.includes('/') ? null : name;
}

/** The working group's on-wiki additions to the taxonomy. */
export const topicsPageTitle = (root: string): string => `${root}/Topics`;

/** Working group and Learning Ambassadors (protected on Meta). */
export const workingGroupPageTitle = (root: string): string => `${root}/Working group`;

/** A round of match proposals, `month` as `YYYY-MM`. */
export const connectionsPageTitle = (root: string, month: string): string =>
  `${root}/Connections/${month}`;

/** A clinic page, `date` as `YYYY-MM-DD`, `name` a short human title. */
export const clinicPageTitle = (root: string, date: string, name: string): string =>
  `${root}/Clinics/${date} ${name}`;

export const resourcesPageTitle = (root: string): string => `${root}/Resources`;

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
