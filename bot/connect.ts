import { DEFAULT_BOT_NAME } from '../shared/program';
import { MwnWikiClient } from './wiki/mwn-client';

export interface ConnectionSettings {
  apiUrl: string;
  root: string;
  env: NodeJS.ProcessEnv;
}

export const BOT_VERSION = '0.1.0';

/** The bot account's name: the part of a BotPassword user name before "@". */
export function botNameFrom(env: NodeJS.ProcessEnv): string {
  return (env.LETSCONNECT_BOT_USERNAME ?? DEFAULT_BOT_NAME).split('@')[0] || DEFAULT_BOT_NAME;
}

/** Logs the bot in with credentials from the environment, never from the repository. */
export async function connectBot(settings: ConnectionSettings): Promise<MwnWikiClient> {
  const { env } = settings;
  const botName = botNameFrom(env);
  const oauth2Token = env.LETSCONNECT_OAUTH2_TOKEN;
  const username = env.LETSCONNECT_BOT_USERNAME;
  const password = env.LETSCONNECT_BOT_PASSWORD;
  if (!oauth2Token && !(username && password)) {
    throw new UsageError(
      'No bot credentials. Set LETSCONNECT_BOT_USERNAME and LETSCONNECT_BOT_PASSWORD (a BotPassword from Special:BotPasswords) or LETSCONNECT_OAUTH2_TOKEN (an owner-only OAuth 2 token).',
    );
  }
  const contact = env.LETSCONNECT_CONTACT ?? `User:${botName}`;
  return MwnWikiClient.connect({
    apiUrl: settings.apiUrl,
    username,
    password,
    oauth2Token,
    assert: 'user',
    writableRoots: [settings.root, `User:${botName}`],
    userAgent: `LetsConnectBot/${BOT_VERSION} (${contact}; Let's Connect peer-learning program) mwn/3`,
  });
}

/** A mistake the operator can fix: bad option, missing credentials. */
export class UsageError extends Error {}
