import path from 'node:path';

/**
 * The MediaWiki tree the local wiki runs: LETSCONNECT_MEDIAWIKI_DIR, by default where
 * Debian's package puts 1.39. Another tree (e.g. a newer MediaWiki with the same extensions
 * and skins) works too: MetaLikeSettings.php applies 1.39-only settings only on 1.39.
 */
export const MEDIAWIKI_DIR = mediawikiDir();

export function mediawikiDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.LETSCONNECT_MEDIAWIKI_DIR || '/usr/share/mediawiki');
}

export const REPO_DIR = path.resolve(__dirname, '../..');

/** Everything about one local wiki: where its files are and where it listens. */
export interface LocalWiki {
  /** Git-ignored folder with LocalSettings.php, the SQLite data, caches and logs. */
  dir: string;
  port: number;
  /** e.g. http://127.0.0.1:8080 */
  server: string;
  apiUrl: string;
  dataDir: string;
  pristineDir: string;
  credentialsFile: string;
  pidFile: string;
  logFile: string;
}

/** The local wiki as configured by LETSCONNECT_WIKI_PORT / LETSCONNECT_WIKI_DIR (defaults 8080, .wiki/). */
export function localWiki(env: NodeJS.ProcessEnv = process.env): LocalWiki {
  const port = Number(env.LETSCONNECT_WIKI_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `LETSCONNECT_WIKI_PORT must be a port number, got "${env.LETSCONNECT_WIKI_PORT}"`,
    );
  }
  const dir = path.resolve(env.LETSCONNECT_WIKI_DIR ?? path.join(REPO_DIR, '.wiki'));
  const server = `http://127.0.0.1:${port}`;
  return {
    dir,
    port,
    server,
    apiUrl: `${server}/api.php`,
    dataDir: path.join(dir, 'data'),
    pristineDir: path.join(dir, 'pristine'),
    credentialsFile: path.join(dir, 'credentials.env'),
    pidFile: path.join(dir, 'server.pid'),
    logFile: path.join(dir, 'server.log'),
  };
}

/** Environment for PHP processes (server and maintenance scripts) of this wiki. */
export function phpEnv(wiki: LocalWiki): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MW_INSTALL_PATH: MEDIAWIKI_DIR,
    MW_CONFIG_FILE: path.join(wiki.dir, 'LocalSettings.php'),
    LETSCONNECT_WIKI_SERVER: wiki.server,
  };
}
