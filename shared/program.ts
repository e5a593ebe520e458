/**
 * Where the program lives on the wiki: the root page and the pages under it.
 * Pure constants and helpers: configurable values are passed in, never read here.
 */

/** Default program root on Meta-Wiki (namespace Grants, 200). */
export const DEFAULT_ROOT = 'Grants:Knowledge Sharing/Connect';

/** Default bot account name; its user space holds the derived JSON. */
export const DEFAULT_BOT_NAME = 'LetsConnectBot';

/** The emergency shutoff page lives in the bot's own user space. */
export function shutoffPageTitle(botName: string): string {
  return `User:${botName}/Shutoff`;
}

/** Content of the shutoff page while the bot may run. Any other content stops all writes. */
export const SHUTOFF_RUNNING = 'running';

/** True if `title` is the program root or a page under it. */
export function isUnderRoot(title: string, root: string): boolean {
  const norm = (t: string) => t.replace(/_/g, ' ').trim();
  const t = norm(title);
  const r = norm(root);
  return t === r || t.startsWith(`${r}/`);
}
