import { ApiError, failureKind } from '../../../gadget/api/api-error';
import { MwApiWikiClient, type ApiLike } from '../../../gadget/api/mw-wiki-client';

type Params = Record<string, unknown>;
type Answer = { ok: unknown } | { fail: [string, unknown] };

/**
 * mw.Api's shape, answering from a script: the adapter's own logic (batching, continuation,
 * the conflict rule, error codes) is what is tested here; the real API is tested end to end.
 */
function fakeApi(answer: (params: Params, method: 'get' | 'post') => Answer) {
  const calls: Array<{ method: 'get' | 'post'; params: Params }> = [];
  const respond = (method: 'get' | 'post') => (params: Params) => {
    calls.push({ method, params });
    const a = answer(params, method);
    const d = $.Deferred();
    if ('ok' in a) d.resolve(a.ok);
    else d.reject(...a.fail);
    return d.promise();
  };
  const api = { get: respond('get'), postWithEditToken: respond('post') } as unknown as ApiLike;
  return { api, calls };
}

// jQuery's Deferred, as mw.Api returns: jsdom has no jQuery, so a minimal one.
const $ = {
  Deferred() {
    let settle: ((ok: boolean, args: unknown[]) => void) | null = null;
    const pending: Array<[(...a: unknown[]) => void, (...a: unknown[]) => void]> = [];
    let result: [boolean, unknown[]] | null = null;
    settle = (ok, args) => {
      result = [ok, args];
      for (const [res, rej] of pending) (ok ? res : rej)(...args);
    };
    const promise = {
      then(res: (...a: unknown[]) => void, rej: (...a: unknown[]) => void) {
        if (result) (result[0] ? res : rej)(...result[1]);
        else pending.push([res, rej]);
        return promise;
      },
    };
    return {
      resolve: (...a: unknown[]) => settle!(true, a),
      reject: (...a: unknown[]) => settle!(false, a),
      promise: () => promise,
    };
  },
};

const page = (title: string, revid: number, content: string) => ({
  title,
  lastrevid: revid,
  revisions: [
    { revid, timestamp: '2025-01-01T00:00:00Z', user: 'U', slots: { main: { content } } },
  ],
});

describe('MwApiWikiClient', () => {
  it('reads pages in batches of 50 titles, missing ones marked as such', async () => {
    const titles = Array.from({ length: 60 }, (_, i) => `P${i}`);
    const { api, calls } = fakeApi((p) => {
      const batch = p.titles as string[];
      return {
        ok: {
          query: {
            pages: batch.map((t) => (t === 'P3' ? { title: t, missing: true } : page(t, 1, t))),
          },
        },
      };
    });
    const pages = await new MwApiWikiClient(api, 'U').readPages(titles);
    expect(calls.map((c) => (c.params.titles as string[]).length)).toEqual([50, 10]);
    expect(pages).toHaveLength(60);
    expect(pages[3]).toEqual({ title: 'P3', exists: false });
    expect(pages[4]).toMatchObject({ exists: true, revid: 1, content: 'P4' });
  });

  it("reads a page's history down to the stop: authors first, then only those revisions' content", async () => {
    const rev = (revid: number, user: string) => ({
      revid,
      timestamp: '2025-01-01T00:00:00Z',
      user,
      slots: { main: { content: `text ${revid}` } },
    });
    const { api, calls } = fakeApi((p) => {
      const revisions = [rev(9, 'Mallory'), rev(8, 'Member'), rev(7, 'Bot'), rev(6, 'Member')]
        .filter((r) => p.rvendid === undefined || r.revid >= (p.rvendid as number))
        .map((r) => (p.rvprop === 'ids|user' ? { revid: r.revid, user: r.user } : r));
      return { ok: { query: { pages: [{ title: 'Round', revisions }] } } };
    });
    const history = await new MwApiWikiClient(api, null).readHistory(
      'Round',
      50,
      (u) => u === 'Bot',
    );
    expect(history.map((r) => [r.revid, r.user, r.content])).toEqual([
      [9, 'Mallory', 'text 9'],
      [8, 'Member', 'text 8'],
      [7, 'Bot', 'text 7'],
    ]);
    expect(calls.map((c) => [c.params.rvprop, c.params.rvstartid, c.params.rvendid])).toEqual([
      ['ids|user', undefined, undefined],
      [['ids', 'timestamp', 'user', 'content'], 9, 7],
    ]);
  });

  it('lists pages to the end of the continuation', async () => {
    const { api, calls } = fakeApi((p) =>
      p.apcontinue
        ? { ok: { query: { allpages: [{ title: 'B' }] } } }
        : {
            ok: {
              query: { allpages: [{ title: 'A' }] },
              continue: { apcontinue: 'B', continue: '-||' },
            },
          },
    );
    expect(await new MwApiWikiClient(api, 'U').listPages(200, 'X/')).toEqual(['A', 'B']);
    expect(calls).toHaveLength(2);
  });

  it('saves on the base revision, asserting the logged-in user', async () => {
    const { api, calls } = fakeApi((p, method) =>
      method === 'get'
        ? { ok: { query: { pages: [{ title: 'T', lastrevid: 7 }] } } }
        : { ok: { edit: { result: 'Success', title: 'T', newrevid: 8 } } },
    );
    const result = await new MwApiWikiClient(api, 'Bruna').save('T', 'text', 'sum', 7);
    expect(result).toEqual({ title: 'T', revid: 8, nochange: false });
    expect(calls[1]!.params).toMatchObject({
      baserevid: 7,
      nocreate: true,
      assert: 'user',
      assertuser: 'Bruna',
    });
  });

  it('creates a page only if it still does not exist', async () => {
    const { api, calls } = fakeApi((_p, method) =>
      method === 'get'
        ? { ok: { query: { pages: [{ title: 'T', missing: true }] } } }
        : { ok: { edit: { result: 'Success', title: 'T', newrevid: 1 } } },
    );
    await new MwApiWikiClient(api, 'U').save('T', 'x', 's', null);
    expect(calls[1]!.params).toMatchObject({ createonly: true });
    expect(calls[1]!.params.baserevid).toBeUndefined();
  });

  it('refuses to save over a page that moved on since it was read: no edit request at all', async () => {
    const { api, calls } = fakeApi(() => ({
      ok: { query: { pages: [{ title: 'T', lastrevid: 9 }] } },
    }));
    const err = await new MwApiWikiClient(api, 'U').save('T', 'x', 's', 7).catch((e: unknown) => e);
    expect(failureKind(err)).toBe('conflict');
    expect(calls.filter((c) => c.method === 'post')).toHaveLength(0);
  });

  it("turns mw.Api rejections into errors carrying the code and the API's words", async () => {
    const { api } = fakeApi((_p, method) =>
      method === 'get'
        ? { ok: { query: { pages: [{ title: 'T', lastrevid: 7 }] } } }
        : { fail: ['blocked', { error: { code: 'blocked', info: 'You have been blocked.' } }] },
    );
    const err = await new MwApiWikiClient(api, 'U').save('T', 'x', 's', 7).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'blocked', info: 'You have been blocked.' });
    expect(failureKind(err)).toBe('blocked');
  });

  it('saves nothing without a named account (logged out or temporary): not even a request', async () => {
    // On a wiki with temporary accounts an anonymous edit would make one: never asked.
    const { api, calls } = fakeApi(() => ({
      ok: { query: { pages: [{ title: 'T', missing: true }] } },
    }));
    const err = await new MwApiWikiClient(api, null)
      .save('T', 'x', 's', null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(failureKind(err)).toBe('account');
    expect(calls).toHaveLength(0);
  });
});

describe('failureKind', () => {
  it.each([
    ['editconflict', 'conflict'],
    ['assertuserfailed', 'session'],
    ['badtoken', 'session'],
    ['http', 'network'],
    ['autoblocked', 'blocked'],
    ['cascadeprotected', 'protected'],
    ['readonly', 'readonly'],
    ['abusefilter-disallowed', 'refused'],
    ['something-new', 'other'],
  ])('%s is a %s failure', (code, kind) => {
    expect(failureKind(new ApiError(code))).toBe(kind);
  });

  it('treats anything that is not an API error as "other"', () => {
    expect(failureKind(new Error('boom'))).toBe('other');
  });
});
