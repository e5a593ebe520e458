import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { run } from '../lib/exec';
import { MEDIAWIKI_DIR, phpEnv, type LocalWiki } from './config';
import {
  ADMIN_NAME,
  BOT_NAME,
  newCredentials,
  readCredentials,
  writeCredentials,
  type LocalCredentials,
} from './credentials';

const PHP_DIR = path.join(__dirname, 'php');

/** Grants of the bot's BotPassword: edit program pages and its own JSON, high API limits. */
const BOT_GRANTS = [
  'basic',
  'highvolume',
  'editpage',
  'createeditmovepage',
  'editmycssjs',
  'editmyoptions',
];
/** Grants of the deployer's BotPassword: what an interface administrator needs to publish a gadget. */
const DEPLOY_GRANTS = [
  ...BOT_GRANTS,
  'editprotected',
  'editinterface',
  'editsiteconfig',
  'protect',
];

function accountsSpec(creds: LocalCredentials) {
  const appId = (botUsername: string) => botUsername.split('@')[1] ?? '';
  return {
    users: [
      {
        name: ADMIN_NAME,
        password: creds.LETSCONNECT_ADMIN_PASSWORD,
        groups: ['sysop', 'bureaucrat', 'interface-admin'],
        botPassword: {
          appId: appId(creds.LETSCONNECT_DEPLOY_USERNAME),
          password: creds.LETSCONNECT_DEPLOY_PASSWORD,
          grants: DEPLOY_GRANTS,
        },
      },
      {
        name: BOT_NAME,
        password: crypto.randomBytes(18).toString('base64url'),
        groups: ['bot'],
        botPassword: {
          appId: appId(creds.LETSCONNECT_BOT_USERNAME),
          password: creds.LETSCONNECT_BOT_PASSWORD,
          grants: BOT_GRANTS,
        },
      },
      {
        name: creds.LETSCONNECT_USER1_NAME,
        password: creds.LETSCONNECT_USER1_PASSWORD,
        groups: [],
      },
      {
        name: creds.LETSCONNECT_USER2_NAME,
        password: creds.LETSCONNECT_USER2_PASSWORD,
        groups: [],
      },
    ],
  };
}

/** A fingerprint of everything an install depends on: a change means "install again". */
export function installFingerprint(): string {
  const hash = crypto.createHash('sha256');
  // MetaLikeSettings.php is read live on every request: changing it needs no reinstall.
  for (const f of ['SetupAccounts.php']) hash.update(fs.readFileSync(path.join(PHP_DIR, f)));
  // Another MediaWiki tree (LETSCONNECT_MEDIAWIKI_DIR), or another version of it, installs anew.
  hash.update(MEDIAWIKI_DIR);
  hash.update(fs.readFileSync(path.join(MEDIAWIKI_DIR, 'includes/Defines.php')));
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex').slice(0, 16);
}

function stampFile(wiki: LocalWiki): string {
  return path.join(wiki.dir, 'install.stamp');
}

export function isInstalled(wiki: LocalWiki): boolean {
  const stamp = stampFile(wiki);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === installFingerprint();
}

/**
 * Installs a fresh wiki into wiki.dir: MediaWiki's installer with SQLite, our Meta-like
 * settings, the accounts and BotPasswords, then a pristine copy of the data for `reset`.
 * Keeps the passwords of an earlier install so running tests and shells keep working.
 */
export function installWiki(wiki: LocalWiki, log: (line: string) => void): void {
  let creds: LocalCredentials;
  try {
    creds = readCredentials(wiki);
  } catch {
    creds = newCredentials(wiki);
  }
  for (const sub of ['data', 'pristine', 'cache', 'tmp', 'images']) {
    fs.rmSync(path.join(wiki.dir, sub), { recursive: true, force: true });
  }
  fs.rmSync(path.join(wiki.dir, 'LocalSettings.php'), { force: true });
  fs.rmSync(stampFile(wiki), { force: true });
  for (const sub of ['data', 'cache', 'tmp', 'images'])
    fs.mkdirSync(path.join(wiki.dir, sub), { recursive: true });
  writeCredentials(wiki, creds);

  const env = phpEnv(wiki);
  log('Installing MediaWiki (SQLite) into ' + wiki.dir);
  run(
    'php',
    [
      path.join(MEDIAWIKI_DIR, 'maintenance/install.php'),
      '--dbtype=sqlite',
      `--dbpath=${wiki.dataDir}`,
      '--dbname=letsconnect',
      `--server=${wiki.server}`,
      '--scriptpath=',
      '--lang=en',
      `--pass=${creds.LETSCONNECT_ADMIN_PASSWORD}`,
      `--confpath=${wiki.dir}`,
      '--extensions=Gadgets,ParserFunctions,Scribunto,TemplateData',
      '--skins=Vector,MinervaNeue',
      '--quiet',
      "Let's Connect local wiki",
      ADMIN_NAME,
    ],
    { env },
  );
  const localSettings = path.join(wiki.dir, 'LocalSettings.php');
  fs.appendFileSync(
    localSettings,
    `\n# Let's Connect: Meta-like configuration kept in the repository.\n$lcWikiDir = __DIR__;\nrequire ${JSON.stringify(path.join(PHP_DIR, 'MetaLikeSettings.php'))};\n`,
  );
  log('Creating accounts and BotPasswords');
  run('php', [path.join(PHP_DIR, 'SetupAccounts.php')], {
    env,
    input: JSON.stringify(accountsSpec(creds)),
  });
  snapshotPristine(wiki);
  fs.writeFileSync(stampFile(wiki), installFingerprint() + '\n');
}

/** Copies the data folder (SQLite files) aside, so `reset` can restore it in a moment. */
export function snapshotPristine(wiki: LocalWiki): void {
  fs.rmSync(wiki.pristineDir, { recursive: true, force: true });
  fs.cpSync(wiki.dataDir, wiki.pristineDir, { recursive: true });
}

/** Restores the pristine data; the server must be stopped. */
export function restorePristine(wiki: LocalWiki): void {
  if (!fs.existsSync(wiki.pristineDir))
    throw new Error('No pristine copy of the wiki: run "npm run wiki:up" first.');
  fs.rmSync(wiki.dataDir, { recursive: true, force: true });
  fs.cpSync(wiki.pristineDir, wiki.dataDir, { recursive: true });
  fs.rmSync(path.join(wiki.dir, 'cache'), { recursive: true, force: true });
  fs.mkdirSync(path.join(wiki.dir, 'cache'), { recursive: true });
}
