import { run, succeeds } from './exec';

/** Debian packages the local wiki needs: MediaWiki 1.39, PHP with SQLite, Lua for Scribunto. */
export const WIKI_PACKAGES = [
  'mediawiki',
  'php-cli',
  'php-sqlite3',
  'php-mbstring',
  'php-intl',
  'php-xml',
  'lua5.1',
] as const;

/** Debian packages the end-to-end tests need. */
export const BROWSER_PACKAGES = ['chromium'] as const;

function isInstalled(pkg: string): boolean {
  return succeeds('sh', [
    '-c',
    `dpkg-query -W -f='\${Status}' ${pkg} 2>/dev/null | grep -q 'install ok installed'`,
  ]);
}

/**
 * Installs whichever of `packages` are missing, with apt-get (as root, as on a fresh
 * Debian 12 machine). Does nothing, and needs no root, when all are present.
 */
export function ensureDebianPackages(
  packages: readonly string[],
  log: (line: string) => void,
): void {
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them as root: apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`Installing Debian packages: ${missing.join(' ')} (apt-get; a minute or two the first time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}
