/**
 * Mounting a view on the page: the one place that reads `mw` for every view. The loader found
 * the route and loaded the view's module; the module calls `startView` with what to mount.
 * Messages are loaded once (English is in this module; the reader's other languages are
 * fetched from their own JSON pages), then the app is mounted in the reader's language and
 * direction.
 */
import * as Vue from 'vue';
import bundle from 'letsconnect:messages';
import messageLanguages from 'letsconnect:message-languages';
import { readDocument } from '../../shared/documents/read-document';
import { publishedTranslationsTitle } from '../../shared/pages';
import { portalAreaOf } from '../../shared/portal';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { MwApiWikiClient } from '../api/mw-wiki-client';
import { messagesFor, withCommunity } from '../i18n';
import { ENV, type GadgetEnv } from './env';
import { readerOf, type Reader, type UserLike } from './reader';
import { ProgramNav } from './ProgramNav';
import { showReaderTimes } from './reader-times';

type VueWithMw = typeof Vue & { createMwApp?: typeof Vue.createApp };

/** What a view's module is given to decide what to mount. */
export interface ViewContext {
  client: MwApiWikiClient;
  api: mw.Api;
  root: string;
  botName: string;
  /** Who is reading; a temporary account is logged out here (no username). */
  reader: Reader;
  /** The reader's named account: null when logged out or on a temporary account. */
  username: string | null;
  /** The page's title with spaces. */
  pageTitle: string;
  /** The page's query string (`?letsconnect=edit`, the directory's filters…). */
  params: URLSearchParams;
}

export interface Mountable {
  component: Vue.Component;
  props: Record<string, unknown>;
  /** Runs after mounting (e.g. hiding what the view replaces). */
  after?: (el: HTMLElement) => void;
}

/**
 * Where a view goes: `directory` on the bot's directory placeholder; `page` on another
 * `.letsconnect-app` placeholder or, when the page has none, at the top of its content.
 */
export type MountPlace = 'directory' | 'page';

function mountPoint(place: MountPlace): HTMLElement | null {
  const placeholders = [...document.querySelectorAll<HTMLElement>('.letsconnect-app')];
  const isDirectory = (el: HTMLElement) => el.classList.contains('letsconnect-directory-app');
  if (place === 'directory') return placeholders.find(isDirectory) ?? null;
  const own = placeholders.find((el) => !isDirectory(el));
  if (own) return own;
  const content = document.getElementById('mw-content-text');
  if (placeholders.length > 0 || !content) return null;
  const el = document.createElement('div');
  el.className = 'letsconnect-app';
  content.prepend(el);
  return el;
}

/** A JSON page's text through `action=raw` (cacheable, no API request), or null. */
async function rawJson(
  title: string,
  query: Record<string, string | number>,
): Promise<string | null> {
  const url = mw.util.getUrl(title, { action: 'raw', ctype: 'application/json', ...query });
  try {
    const response = await fetch(url, { credentials: 'omit' });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** The repository's messages for `language`, deployed as a gadget page. */
async function repositoryMessages(language: string): Promise<Record<string, string>> {
  const text = await rawJson(`MediaWiki:Gadget-letsconnect-messages-${language}.json`, {
    v: messageLanguages.version,
    maxage: 86400,
    smaxage: 86400,
  });
  try {
    return text === null ? {} : (JSON.parse(text) as Record<string, string>);
  } catch {
    return {};
  }
}

/**
 * The community's translations for `language`, as the bot last accepted them: a short cache,
 * so a translation shows up minutes after the bot's run.
 */
async function communityMessages(language: string): Promise<Record<string, string>> {
  const text = await rawJson(publishedTranslationsTitle(DEFAULT_BOT_NAME, language), {
    maxage: 300,
    smaxage: 300,
  });
  const doc = text === null ? null : readDocument(text, 'translations').document;
  return Object.fromEntries((doc?.messages ?? []).map((m) => [m.key, m.text]));
}

async function loadMessages(chain: readonly string[]): Promise<void> {
  const shipped = chain.filter((l) => messageLanguages.languages.includes(l));
  const others = chain.filter((l) => l !== 'en');
  const [repository, community] = await Promise.all([
    Promise.all(shipped.map(async (l) => [l, await repositoryMessages(l)] as const)),
    Promise.all(others.map(async (l) => [l, await communityMessages(l)] as const)),
  ]);
  const merged = withCommunity(
    { ...bundle, ...Object.fromEntries(repository) },
    Object.fromEntries(community),
  );
  mw.messages.set(messagesFor(merged, chain));
}

let messagesReady: Promise<void> | null = null;
let navMounted = false;

/**
 * The program's navigation at the top of the page's content, once per page whichever views
 * the page loads (the directory's, the page's own, or both).
 */
function mountNav(env: GadgetEnv, root: string, pageTitle: string): void {
  const content = document.getElementById('mw-content-text');
  if (navMounted || !content) return;
  navMounted = true;
  const el = document.createElement('div');
  el.lang = mw.config.get('wgUserLanguage');
  el.dir = document.documentElement.dir || 'ltr';
  content.prepend(el);
  const createApp = (Vue as VueWithMw).createMwApp ?? Vue.createApp;
  const username = env.reader.username;
  const app = createApp(ProgramNav, {
    root,
    username,
    current: portalAreaOf(root, pageTitle, username),
  });
  app.provide(ENV, env);
  app.mount(el);
}

/** Mounts what `build` returns (nothing for null) at `place`, once the page and messages are ready. */
export function startView(place: MountPlace, build: (ctx: ViewContext) => Mountable | null): void {
  $(() => {
    const chain = mw.language.getFallbackLanguageChain();
    messagesReady ??= loadMessages(chain);
    void messagesReady.then(() => {
      const content = document.getElementById('mw-content-text');
      if (content) showReaderTimes(content, chain[0] ?? 'en', (key, ...p) => mw.msg(key, ...p));
      const el = mountPoint(place);
      if (!el) return;
      const reader = readerOf(mw.user as UserLike);
      const api = new mw.Api();
      const ctx: ViewContext = {
        client: new MwApiWikiClient(api, reader.username),
        api,
        root: DEFAULT_ROOT,
        botName: DEFAULT_BOT_NAME,
        reader,
        username: reader.username,
        pageTitle: String(mw.config.get('wgPageName')).replace(/_/g, ' '),
        params: new URLSearchParams(window.location.search),
      };
      const env: GadgetEnv = {
        t: (key, ...params) => mw.message(key, ...params).text(),
        languages: chain,
        url: (title, query) => mw.util.getUrl(title, query),
        now: () => new Date(),
        reader,
      };
      mountNav(env, ctx.root, ctx.pageTitle);
      const view = build(ctx);
      if (!view) return;
      const createApp = (Vue as VueWithMw).createMwApp ?? Vue.createApp;
      const app = createApp(view.component, view.props);
      app.provide(ENV, env);
      // Page content is in the wiki's language; the app speaks the reader's, in its direction.
      el.lang = mw.config.get('wgUserLanguage');
      el.dir = document.documentElement.dir || 'ltr';
      app.mount(el);
      view.after?.(el);
    });
  });
}
