import { SHUTOFF_RUNNING, shutoffPageTitle } from '../../shared/program';
import type { MwnWikiClient } from '../wiki/mwn-client';

export type ShutoffState = 'running' | 'stopped' | 'missing';

export interface StatusReport {
  sitename: string;
  generator: string;
  user: string;
  groups: string[];
  rights: string[];
  shutoffPage: string;
  shutoff: ShutoffState;
  createdShutoffPage: boolean;
}

/** Reads the shutoff page: "running" lets the bot write; anything else stops it. */
export async function readShutoff(client: MwnWikiClient, botName: string): Promise<ShutoffState> {
  const [page] = await client.readPages([shutoffPageTitle(botName)]);
  if (!page?.exists) return 'missing';
  return page.content?.trim() === SHUTOFF_RUNNING ? 'running' : 'stopped';
}

/**
 * The walking skeleton's task: who am I, on which wiki, with which rights, may I write?
 * On a local development wiki a missing shutoff page is created ("running"); on any other
 * wiki it must be made by a person first.
 */
export async function status(
  client: MwnWikiClient,
  options: { isLocalWiki: boolean },
): Promise<StatusReport> {
  const response = await client.request({
    action: 'query',
    meta: ['siteinfo', 'userinfo'],
    siprop: 'general',
    uiprop: ['groups', 'rights'],
  });
  const query = response.query as {
    general: { sitename: string; generator: string };
    userinfo: { name: string; groups: string[]; rights: string[] };
  };
  const botName = query.userinfo.name;
  const shutoffPage = shutoffPageTitle(botName);
  let shutoff = await readShutoff(client, botName);
  let createdShutoffPage = false;
  if (shutoff === 'missing' && options.isLocalWiki) {
    await client.save(
      shutoffPage,
      SHUTOFF_RUNNING,
      'Create the emergency shutoff page (local wiki)',
      null,
    );
    shutoff = 'running';
    createdShutoffPage = true;
  }
  return {
    sitename: query.general.sitename,
    generator: query.general.generator,
    user: botName,
    groups: query.userinfo.groups.filter((g) => g !== '*'),
    rights: query.userinfo.rights,
    shutoffPage,
    shutoff,
    createdShutoffPage,
  };
}

export function formatStatus(report: StatusReport): string {
  const shutoffText = {
    running: 'running (the bot may write)',
    stopped: 'STOPPED (the page no longer says "running": no writes)',
    missing: 'MISSING (create it with the text "running" before the bot may write)',
  }[report.shutoff];
  return [
    `Wiki:     ${report.sitename} (${report.generator})`,
    `Account:  ${report.user} (groups: ${report.groups.join(', ') || 'none'})`,
    `Rights:   ${report.rights.length} rights, including ${['bot', 'edit', 'apihighlimits', 'noratelimit'].filter((r) => report.rights.includes(r)).join(', ') || 'none of bot/edit/apihighlimits'}`,
    `Shutoff:  ${report.shutoffPage}: ${shutoffText}${report.createdShutoffPage ? ' (created now)' : ''}`,
  ].join('\n');
}
