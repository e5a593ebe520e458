import type { BotConfig } from './config/config';
import { MwnWikiClient } from './wiki/mwn-client';

export const BOT_VERSION = '0.1.0';

/** A mistake the operator can fix: bad option, missing credentials. */
export class UsageError extends Error {}

/** Logs the bot in with credentials from the environment, never from the repository. */
export async function connectBot(
  config: BotConfig,
  env: NodeJS.ProcessEnv,
): Promise<MwnWikiClient> {
  const oauth2Token = env.LETSCONNECT_OAUTH2_TOKEN || undefined;
  const username = env.LETSCONNECT_BOT_USERNAME || undefined;
  const password = env.LETSCONNECT_BOT_PASSWORD || undefined;
  if (!oauth2Token && !(username && password)) {
    throw new UsageError(
      'No bot credentials. Set LETSCONNECT_BOT_USERNAME and LETSCONNECT_BOT_PASSWORD (a BotPassword from Special:BotPasswords) or LETSCONNECT_OAUTH2_TOKEN (an owner-only OAuth 2 token).',
    );
  }
  return MwnWikiClient.connect({
    apiUrl: config.apiUrl,
    username,
    password,
    oauth2Token,
    assert: 'user',
    writableRoots: [config.root, `User:${config.botName}`],
    // Introductions and reminders go to participants' own talk pages (never their subpages);
    // profile-problem notes stay opt-in through talkPageNotes, checked by the directory task.
    userTalkMessages: true,
    userAgent: `LetsConnectBot/${BOT_VERSION} (${config.contact}; Let's Connect peer-learning program) mwn/3`,
  });
}

export function isLocalApi(apiUrl: string): boolean {
  const host = new URL(apiUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
