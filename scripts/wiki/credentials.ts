import fs from 'node:fs';
import crypto from 'node:crypto';
import type { LocalWiki } from './config';

/** Accounts of the local wiki. Names are fixed; passwords are random per install. */
export interface LocalCredentials {
  LETSCONNECT_API_URL: string;
  /** Administrator and interface administrator (logs in through the browser). */
  LETSCONNECT_ADMIN_USER: string;
  LETSCONNECT_ADMIN_PASSWORD: string;
  /** The admin's BotPassword used by scripts/deploy-gadget. */
  LETSCONNECT_DEPLOY_USERNAME: string;
  LETSCONNECT_DEPLOY_PASSWORD: string;
  /** The bot account's BotPassword used by letsconnect-bot. */
  LETSCONNECT_BOT_USERNAME: string;
  LETSCONNECT_BOT_PASSWORD: string;
  /** Two ordinary users for tests and the demo. */
  LETSCONNECT_USER1_NAME: string;
  LETSCONNECT_USER1_PASSWORD: string;
  LETSCONNECT_USER2_NAME: string;
  LETSCONNECT_USER2_PASSWORD: string;
}

export const ADMIN_NAME = 'Admin';
export const BOT_NAME = 'LetsConnectBot';
export const USER1_NAME = 'Amani Wikimedian';
export const USER2_NAME = 'Bruna Wikimedian';

function randomPassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** MediaWiki accepts a BotPassword only if it is 32+ characters of [0-9a-w]: hex qualifies. */
function randomBotPassword(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function newCredentials(wiki: LocalWiki): LocalCredentials {
  return {
    LETSCONNECT_API_URL: wiki.apiUrl,
    LETSCONNECT_ADMIN_USER: ADMIN_NAME,
    LETSCONNECT_ADMIN_PASSWORD: randomPassword(),
    LETSCONNECT_DEPLOY_USERNAME: `${ADMIN_NAME}@deploy`,
    LETSCONNECT_DEPLOY_PASSWORD: randomBotPassword(),
    LETSCONNECT_BOT_USERNAME: `${BOT_NAME}@letsconnect`,
    LETSCONNECT_BOT_PASSWORD: randomBotPassword(),
    LETSCONNECT_USER1_NAME: USER1_NAME,
    LETSCONNECT_USER1_PASSWORD: randomPassword(),
    LETSCONNECT_USER2_NAME: USER2_NAME,
    LETSCONNECT_USER2_PASSWORD: randomPassword(),
  };
}

export function writeCredentials(wiki: LocalWiki, creds: LocalCredentials): void {
  const lines = Object.entries(creds).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  fs.writeFileSync(
    wiki.credentialsFile,
    `# Local wiki accounts (generated; git-ignored). Source it or read it with readCredentials().\n${lines.join('\n')}\n`,
    { mode: 0o600 },
  );
}

/** Reads the credentials file written at install; throws with a hint when the wiki is not installed. */
export function readCredentials(wiki: LocalWiki): LocalCredentials {
  if (!fs.existsSync(wiki.credentialsFile)) {
    throw new Error(
      `No local wiki credentials at ${wiki.credentialsFile}: run "npm run wiki:up" first.`,
    );
  }
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(wiki.credentialsFile, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m && m[1] && m[2] !== undefined) out[m[1]] = JSON.parse(m[2]) as string;
  }
  // The API URL follows the port in force now, not the one at install time.
  out.LETSCONNECT_API_URL = wiki.apiUrl;
  return out as unknown as LocalCredentials;
}

/** The environment the bot's CLI needs to run against this wiki as its bot account. */
export function botEnvironment(
  wiki: LocalWiki,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const creds = readCredentials(wiki);
  return {
    ...base,
    LETSCONNECT_API_URL: wiki.apiUrl,
    LETSCONNECT_BOT_USERNAME: creds.LETSCONNECT_BOT_USERNAME,
    LETSCONNECT_BOT_PASSWORD: creds.LETSCONNECT_BOT_PASSWORD,
    // A local wiki's bot talks to nothing beyond this machine unless told: a profile opted into
    // the Capacity Exchange on it must not reach the real CapX (closed port: fails at once).
    LETSCONNECT_CAPX_URL: base.LETSCONNECT_CAPX_URL ?? 'http://127.0.0.1:9',
    LETSCONNECT_LETSCONN_URL: base.LETSCONNECT_LETSCONN_URL ?? 'http://127.0.0.1:9',
  };
}
