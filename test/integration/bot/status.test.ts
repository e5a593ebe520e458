import net from 'node:net';
import { SHUTOFF_RUNNING, shutoffPageTitle } from '../../../shared/program';
import { EXIT } from '../../../bot/exit-codes';
import { adminClient, botEnv } from '../../support/local-wiki';
import { runBot } from '../../support/run-cli';

const SHUTOFF = shutoffPageTitle('LetsConnectBot');

/** A port on 127.0.0.1 that nothing listens on (one the system just gave out and took back). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('letsconnect-bot status (real local wiki)', () => {
  it("logs in, prints the wiki and the bot's rights, and finds the shutoff page running", async () => {
    const result = await runBot(['status'], botEnv());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.OK);
    expect(result.stdout).toContain("Let's Connect local wiki (MediaWiki 1.39");
    expect(result.stdout).toMatch(/Account: +LetsConnectBot \(groups: [^)]*bot/);
    expect(result.stdout).toContain('apihighlimits');
    expect(result.stdout).toContain(`${SHUTOFF}: running`);
  });

  it('stops with exit code 3 when the shutoff page says stop, and runs again once restored', async () => {
    const admin = await adminClient([SHUTOFF]);
    const [before] = await admin.readPages([SHUTOFF]);
    expect(before?.exists).toBe(true);
    const stopped = await admin.save(SHUTOFF, 'stop: testing the shutoff', 'test', before!.revid!);
    try {
      const result = await runBot(['status'], botEnv());
      expect(result.code).toBe(EXIT.SHUTOFF);
      expect(result.stdout).toContain('STOPPED');
    } finally {
      await admin.save(SHUTOFF, SHUTOFF_RUNNING, 'test: restore', stopped.revid);
    }
    expect((await runBot(['status'], botEnv())).code).toBe(EXIT.OK);
  });

  it('says which credentials are missing, with the usage exit code', async () => {
    const env = { ...botEnv(), LETSCONNECT_BOT_USERNAME: '', LETSCONNECT_BOT_PASSWORD: '' };
    const result = await runBot(['status'], env);
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stderr).toContain('LETSCONNECT_BOT_USERNAME');
  });

  it('fails clearly on a wrong password, with the credentials exit code', async () => {
    const env = { ...botEnv(), LETSCONNECT_BOT_PASSWORD: '0'.repeat(32) };
    const result = await runBot(['status'], env);
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/Login as .* failed .*LETSCONNECT_BOT_PASSWORD/),
    ]);
  });

  it('says in one line what to check when the API cannot be reached (closed port)', async () => {
    const port = await closedPort();
    const result = await runBot(
      ['status', '--api-url', `http://127.0.0.1:${port}/api.php`],
      botEnv(),
    );
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `letsconnect-bot: Cannot reach the wiki at http://127.0.0.1:${port}/api.php (ECONNREFUSED): check --api-url (host and port) and that the wiki is running.`,
    ]);
  });

  it('says in one line what to check when --api-url is index.php, not api.php', async () => {
    const apiUrl = botEnv().LETSCONNECT_API_URL!.replace(/api\.php$/, 'index.php');
    const result = await runBot(['status', '--api-url', apiUrl], botEnv());
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `letsconnect-bot: ${apiUrl} does not answer as MediaWiki's API (HTTP 404): check that --api-url is the wiki's api.php, e.g. https://meta.wikimedia.org/w/api.php.`,
    ]);
  });

  it('rejects an unknown option and a bad --api-url', async () => {
    expect((await runBot(['status', '--no-such-option'], botEnv())).code).toBe(EXIT.USAGE);
    const bad = await runBot(['status', '--api-url', 'not a url'], botEnv());
    expect(bad.code).toBe(EXIT.USAGE);
    expect(bad.stderr).toContain('--api-url');
  });

  it('lists every command of the design in --help', async () => {
    const result = await runBot(['--help'], botEnv());
    expect(result.code).toBe(EXIT.OK);
    for (const command of ['directory', 'match', 'notify', 'clinics', 'report', 'run', 'schedule'])
      expect(result.stdout).toContain(`letsconnect-bot ${command} `);
  });
});
