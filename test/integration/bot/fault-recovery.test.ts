/**
 * The bot's wiki client behind the fault-injecting proxy, one fault at a time, on the shared
 * test wiki: regressions for what the fault trials (npm run reliability) found.
 */
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { FaultProxy } from '../../support/fault-proxy';
import { credentials, wiki } from '../../support/local-wiki';

jest.setTimeout(60_000);

let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

const connectThrough = (apiUrl: string) => {
  const c = credentials();
  return MwnWikiClient.connect({
    apiUrl,
    username: c.LETSCONNECT_BOT_USERNAME,
    password: c.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
    userAgent: 'LetsConnectTests/0.1 (fault recovery test)',
    retryPauseMs: 100,
  });
};

describe('the wiki client under faults', () => {
  it('survives a session that expires during the login itself (mwn used to wait for itself forever)', async () => {
    // The session expires at the login's own token and site-info request: with assert=user,
    // mwn then logged in again, which waited for the login in progress, which waited for it.
    let faulted = 0;
    proxy = await new FaultProxy({
      target: wiki.server,
      rate: 1,
      kinds: ['session'],
      only: (p) => (p.get('meta') ?? '').includes('siteinfo') && faulted++ === 0,
    }).start();
    const client = await connectThrough(proxy.apiUrl);
    expect(proxy.counts.session).toBe(1);
    // The session is gone: the next request logs in again and goes through.
    const [page] = await client.readPages(['Main Page']);
    expect(page?.exists).toBe(true);
  });
});
