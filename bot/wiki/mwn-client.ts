import { Mwn, type ApiParams } from 'mwn';
import type { PageRevision, SaveResult, WikiClient } from '../../shared/wiki-client';
import { isTemporaryAccount, tempAccountPatternsFromSiteinfo } from '../../shared/accounts';
import { EditConflictError, WikiAccessError } from './errors';
import {
  TemporaryAccountMessageError,
  talkPageOwner,
  WritePolicy,
  WriteRefusedError,
  type WritePurpose,
} from './write-policy';

export interface MwnClientOptions {
  apiUrl: string;
  /** BotPassword user name (User@appid) and password, or an OAuth 2 owner-only token. */
  username?: string;
  password?: string;
  oauth2Token?: string;
  /** Pages this client may write (with their subpages). */
  writableRoots: readonly string[];
  /** May leave messages on people's talk pages (through SafeEditor's talk-page mode only). */
  userTalkMessages?: boolean;
  /** Identifies the tool and a contact, as Wikimedia's User-Agent policy asks. */
  userAgent: string;
  /** API assertion on every request: 'bot' for the bot account, 'user' otherwise. */
  assert: 'user' | 'bot';
  /**
   * Pause before retrying a transient failure, in ms: mwn waits this long before each of its
   * retries (maxlag, readonly, 5xx, dropped connections); `ratelimited` saves back off,
   * doubling it on each retry.
   */
  retryPauseMs?: number;
}

/**
 * The API parameters of one save: text and summary in Unicode normal form C (what MediaWiki
 * stores; newer versions warn `apiwarn-badutf8` otherwise), created only if new or saved only
 * on top of `baseRevid`.
 */
export function editParams(
  title: string,
  content: string,
  summary: string,
  baseRevid: number | null,
): ApiParams {
  const params: ApiParams = {
    action: 'edit',
    title: title.normalize('NFC'),
    text: content.normalize('NFC'),
    summary: summary.normalize('NFC'),
    bot: true,
  };
  if (baseRevid === null) params.createonly = true;
  else {
    params.baserevid = baseRevid;
    params.nocreate = true;
  }
  return params;
}

/** Network errors that mean the address is wrong or nothing listens there. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * A failed login or first request that the operator must fix (the address or the
 * credentials), as one line saying what to check; undefined for anything else (a wiki that
 * kept answering 5xx after the retries, for instance), which stays an error of its own.
 */
export function accessError(
  err: unknown,
  options: Pick<MwnClientOptions, 'apiUrl' | 'username' | 'oauth2Token'>,
): WikiAccessError | undefined {
  const e = err as { code?: unknown; info?: unknown; response?: { status?: unknown } };
  const code = String(e.code ?? '');
  const status = typeof e.response?.status === 'number' ? e.response.status : undefined;
  const apiUrl = options.apiUrl;
  if (UNREACHABLE.has(code))
    return new WikiAccessError(
      `Cannot reach the wiki at ${apiUrl} (${code}): check --api-url (host and port) and that the wiki is running.`,
    );
  if (
    (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) ||
    ['invalidjson', 'mwn_invalidformat', 'mwn_notoken'].includes(code)
  )
    return new WikiAccessError(
      `${apiUrl} does not answer as MediaWiki's API (${status !== undefined ? `HTTP ${status}` : 'not an API response'}): check that --api-url is the wiki's api.php, e.g. https://meta.wikimedia.org/w/api.php.`,
    );
  if (code === 'mwn_failedlogin')
    return new WikiAccessError(
      `Login as ${options.username ?? '?'} failed (${String(e.info ?? code)}): check LETSCONNECT_BOT_USERNAME (User@appid) and LETSCONNECT_BOT_PASSWORD, a BotPassword from Special:BotPasswords.`,
    );
  if (options.oauth2Token && /^(mwoauth|oauth|badaccesstoken|invalid)/i.test(code))
    return new WikiAccessError(
      `The wiki refused the OAuth 2 token (${code}): check LETSCONNECT_OAUTH2_TOKEN.`,
    );
  return undefined;
}

/** How many times a `ratelimited` answer is retried before the save gives up. */
const RATELIMIT_RETRIES = 5;

/** Counters shown in the operator's summary. */
export interface ClientStats {
  requests: number;
  edits: number;
}

interface RevisionSlotResponse {
  title: string;
  missing?: boolean;
  invalid?: boolean;
  revisions?: {
    revid: number;
    timestamp: string;
    user: string;
    slots: { main: { content: string } };
  }[];
}

/**
 * The bot side's WikiClient, on mwn: assert and maxlag on every request, a real
 * User-Agent, every read followed to the end of its continuation, and saves that never
 * overwrite another edit or land outside the allowed pages.
 */
export class MwnWikiClient implements WikiClient {
  readonly stats: ClientStats = { requests: 0, edits: 0 };
  readonly policy: WritePolicy;
  private readonly retryPauseMs: number;
  /** Writes go one at a time: each save waits for the previous one. */
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** The wiki's temporary-account patterns, read once (see temporaryAccountPatterns). */
  private tempPatterns: Promise<readonly string[]> | undefined;

  private constructor(
    readonly bot: Mwn,
    options: MwnClientOptions,
  ) {
    this.policy = new WritePolicy(options.writableRoots, {
      userTalkMessages: options.userTalkMessages,
    });
    this.retryPauseMs = options.retryPauseMs ?? 2000;
  }

  static async connect(options: MwnClientOptions): Promise<MwnWikiClient> {
    // mwn prints the API's warnings (e.g. a siteinfo property an older wiki does not know) on
    // stdout by default; stdout is the bot's output (its summary, `--format json`): stderr,
    // where the bot's own log goes, is their place.
    Mwn.setLoggingConfig({ stream: process.stderr });
    const bot = new Mwn({
      apiUrl: options.apiUrl,
      username: options.username,
      password: options.password,
      OAuth2AccessToken: options.oauth2Token,
      userAgent: options.userAgent,
      silent: true,
      // mwn itself retries maxlag, readonly, badtoken, lost sessions, dropped connections
      // and HTTP 408/429/5xx; `ratelimited` is retried in save() below.
      maxRetries: 4,
      retryPause: options.retryPauseMs ?? 2000,
      defaultParams: { assert: options.assert, maxlag: 5, format: 'json', formatversion: '2' },
    });
    const client = new MwnWikiClient(bot, options);
    client.countRequests();
    client.guardLogin();
    if (!options.oauth2Token && !(options.username && options.password)) {
      throw new Error(
        'No credentials: set a BotPassword (username and password) or an OAuth 2 token.',
      );
    }
    try {
      if (options.oauth2Token) await bot.getTokensAndSiteInfo();
      else await bot.login();
    } catch (err) {
      throw accessError(err, options) ?? err;
    }
    return client;
  }

  /**
   * When the wiki says the session was lost (assertuserfailed), mwn logs in again and retries,
   * and a login already in progress is shared. If the request that lost the session was the
   * login's own token and site-information fetch (right after logging in), mwn waited for the
   * login that was waiting for that very request: nothing was left to run, and the process
   * ended with exit code 0 having done nothing. That fetch is now made without `assert`, so it
   * cannot fail that way: if the session is gone, the next request finds out and logs in again.
   */
  private guardLogin(): void {
    const request = this.bot.request.bind(this.bot);
    this.bot.request = (params, config) => {
      const meta = String((params.meta as string | string[] | undefined) ?? '');
      const loginFetch = meta.includes('siteinfo') && meta.includes('tokens');
      // mwn leaves out a parameter set to undefined (its own login unsets assert this way).
      return request(
        loginFetch ? ({ ...params, assert: undefined } as unknown as ApiParams) : params,
        config,
      );
    };
  }

  /**
   * Counts every HTTP request mwn makes, for the run summary and the benchmarks. Until the wiki
   * has answered once, a refused or unresolvable connection is not retried: it is a wrong
   * --api-url far more often than a wiki that is briefly down, and mwn would spend 8 s printing
   * raw error objects before saying so (connect() turns it into one line).
   */
  private countRequests(): void {
    const raw = this.bot.rawRequest.bind(this.bot);
    let answered = false;
    this.bot.rawRequest = (requestOptions) => {
      this.stats.requests++;
      return raw(requestOptions).then(
        (response) => {
          answered = true;
          return response;
        },
        (err: unknown) => {
          if (!answered && UNREACHABLE.has(String((err as { code?: unknown }).code)))
            (err as { disableRetry?: boolean }).disableRetry = true;
          throw err;
        },
      );
    };
  }

  async request(params: ApiParams): Promise<Record<string, unknown>> {
    return (await this.bot.request(params)) as Record<string, unknown>;
  }

  /**
   * The latest revision of each title, 50 titles a request (500 with high API limits). When
   * the pages are large, MediaWiki sends fewer than asked for and a continuation for the rest
   * (a response is capped at 8 MiB): every batch is followed to its end, and a page that still
   * came back without its text is an error, never a silently empty page.
   */
  async readPages(titles: readonly string[]): Promise<PageRevision[]> {
    const size = this.bot.hasApiHighLimit ? 500 : 50;
    const out: PageRevision[] = [];
    for (let i = 0; i < titles.length; i += size) {
      const responses = await this.bot.continuedQuery(
        {
          action: 'query',
          prop: 'revisions',
          rvprop: ['ids', 'timestamp', 'user', 'content'],
          rvslots: 'main',
          titles: titles.slice(i, i + size),
        },
        Infinity,
      );
      const found = new Map<string, PageRevision>();
      const pending = new Set<string>();
      for (const response of responses) {
        for (const page of (response.query as { pages?: RevisionSlotResponse[] } | undefined)
          ?.pages ?? []) {
          const rev = page.revisions?.[0];
          if (rev) {
            found.set(page.title, {
              title: page.title,
              exists: true,
              revid: rev.revid,
              timestamp: rev.timestamp,
              user: rev.user,
              content: rev.slots.main.content,
            });
            pending.delete(page.title);
          } else if (page.missing || page.invalid) {
            found.set(page.title, { title: page.title, exists: false });
          } else if (!found.has(page.title)) {
            pending.add(page.title);
          }
        }
      }
      if (pending.size > 0)
        throw new Error(`The wiki did not return the text of ${[...pending].join(', ')}.`);
      out.push(...found.values());
    }
    return out;
  }

  /** Which of `titles` exist, by page info only (no content): cheap for thousands of titles. */
  async existingTitles(titles: readonly string[]): Promise<Set<string>> {
    if (titles.length === 0) return new Set();
    const responses = await this.bot.massQuery(
      { action: 'query', prop: 'info', titles: [...titles] },
      'titles',
    );
    const out = new Set<string>();
    for (const response of responses) {
      const pages =
        (
          response.query as
            { pages?: { title: string; missing?: boolean; invalid?: boolean }[] } | undefined
        )?.pages ?? [];
      for (const page of pages) if (!page.missing && !page.invalid) out.add(page.title);
    }
    return out;
  }

  /**
   * Which user names are temporary accounts on this wiki: siteinfo's `autocreatetempuser`
   * patterns, or Wikimedia's where the wiki does not say (MediaWiki 1.39). Read once per
   * client, that is once per run.
   */
  temporaryAccountPatterns(): Promise<readonly string[]> {
    this.tempPatterns ??= this.request({
      action: 'query',
      meta: 'siteinfo',
      siprop: 'autocreatetempuser',
    }).then(
      (r) =>
        tempAccountPatternsFromSiteinfo(
          (r.query as { autocreatetempuser?: unknown } | undefined)?.autocreatetempuser,
        ),
      (err: unknown) => {
        this.tempPatterns = undefined;
        throw err;
      },
    );
    return this.tempPatterns;
  }

  /** Whether `user` is a temporary account on this wiki (by name; `groups` when known). */
  async isTemporaryAccount(user: string, groups: readonly string[] = []): Promise<boolean> {
    return isTemporaryAccount(user, await this.temporaryAccountPatterns(), groups);
  }

  async listPages(namespace: number, prefix: string): Promise<string[]> {
    const responses = await this.bot.continuedQuery(
      {
        action: 'query',
        list: 'allpages',
        apnamespace: namespace,
        apprefix: prefix,
        aplimit: 'max',
      },
      Infinity,
    );
    return responses.flatMap((r) =>
      ((r.query as { allpages?: { title: string }[] } | undefined)?.allpages ?? []).map(
        (p) => p.title,
      ),
    );
  }

  async save(
    title: string,
    content: string,
    summary: string,
    baseRevid: number | null,
    purpose: WritePurpose = 'page',
  ): Promise<SaveResult> {
    if (!this.policy.allows(title, purpose)) throw new WriteRefusedError(title, this.policy);
    // A temporary account is never messaged, whatever a task decided (DESIGN.md §2).
    const owner = purpose === 'user-talk-message' ? talkPageOwner(title) : null;
    if (owner !== null && (await this.isTemporaryAccount(owner)))
      throw new TemporaryAccountMessageError(title);
    const run = this.writeQueue.then(() => this.saveNow(title, content, summary, baseRevid));
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  private async saveNow(
    title: string,
    content: string,
    summary: string,
    baseRevid: number | null,
  ): Promise<SaveResult> {
    const params = editParams(title, content, summary, baseRevid);
    for (let attempt = 0; ; attempt++) {
      try {
        const response = (await this.bot.request({
          ...params,
          token: await this.bot.getCsrfToken(),
        })) as {
          edit: { result: string; newrevid?: number; nochange?: boolean; title: string };
        };
        const edit = response.edit;
        if (edit.nochange) return { title: edit.title, revid: baseRevid ?? 0, nochange: true };
        this.stats.edits++;
        return { title: edit.title, revid: edit.newrevid ?? 0, nochange: false };
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'editconflict' || code === 'articleexists' || code === 'missingtitle') {
          throw new EditConflictError(title);
        }
        if (code === 'ratelimited' && attempt < RATELIMIT_RETRIES) {
          await new Promise((r) => setTimeout(r, this.retryPauseMs * 2 ** attempt));
          continue;
        }
        throw err;
      }
    }
  }
}
