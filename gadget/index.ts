/**
 * Gadget entry point. Loaded by ResourceLoader on every page; does nothing unless the
 * page is the program root or under it. Vue and Codex come from ResourceLoader.
 *
 * A placeholder `<div class="letsconnect-app letsconnect-directory-app">` (the bot puts one
 * on R/Directory; anyone may add one) gets the skills directory; a round of match proposals
 * (`R/Connections/<YYYY-MM>`) gets the review buttons and the outcome form; any other
 * program page gets the welcome panel and the profile form.
 */
import * as Vue from 'vue';
import bundle from 'letsconnect:messages';
import messageLanguages from 'letsconnect:message-languages';
import { queryFromParams, queryToParams, QUERY_PARAM_NAMES } from '../shared/directory/query';
import type { DirectoryQuery } from '../shared/directory/query';
import { profilePageTitle, roundFromTitle } from '../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT, isUnderRoot } from '../shared/program';
import { MwApiWikiClient } from './api/mw-wiki-client';
import { messagesFor } from './i18n';
import { ENV, type GadgetEnv } from './views/common/env';
import { clinicRoute } from './views/clinics/mount';
import { ConnectionsApp } from './views/connections/ConnectionsApp';
import { createProposalSlots } from './views/connections/proposal-slots';
import { DirectoryView } from './views/directory/DirectoryView';
import { loadDirectory } from './views/directory/load-directory';
import { ProgramApp } from './views/program/ProgramApp';
import { pageView } from './views/resources/page-views';

type VueWithMw = typeof Vue & { createMwApp?: typeof Vue.createApp };

function shouldRun(): boolean {
  return (
    mw.config.get('wgAction') === 'view' &&
    isUnderRoot(String(mw.config.get('wgPageName')), DEFAULT_ROOT)
  );
}

/**
 * Where each app goes. A placeholder `.letsconnect-directory-app` gets the directory; another
 * `.letsconnect-app` gets the program app; a page with no placeholder at all gets the program
 * app at the top of its content.
 */
function mountPoints(): { directory: HTMLElement | null; program: HTMLElement | null } {
  const placeholders = [...document.querySelectorAll<HTMLElement>('.letsconnect-app')];
  const directory =
    placeholders.find((el) => el.classList.contains('letsconnect-directory-app')) ?? null;
  let program = placeholders.find((el) => !el.classList.contains('letsconnect-directory-app'));
  const content = document.getElementById('mw-content-text');
  if (!program && placeholders.length === 0 && content) {
    program = document.createElement('div');
    program.className = 'letsconnect-app';
    content.prepend(program);
  }
  return { directory, program: program ?? null };
}

/** The filters live in the URL (replaced, not pushed: typing must not flood the history). */
function writeQueryToUrl(query: DirectoryQuery): void {
  const url = new URL(window.location.href);
  for (const name of QUERY_PARAM_NAMES) url.searchParams.delete(name);
  for (const [name, value] of queryToParams(query)) url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, '', url.toString());
}

/** With the search view on the page, the bot's no-JavaScript directory table after it is redundant. */
function hideStaticDirectory(el: HTMLElement): void {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
    if (next instanceof HTMLElement && next.matches('table[class*="letsconnect-directory"]')) {
      next.hidden = true;
    }
  }
}

/**
 * English is in the bundle; the reader's other languages (usually one) come from their own
 * JSON pages, fetched together and cached by URL version. If a fetch fails, English stands in.
 */
async function loadMessages(chain: readonly string[]): Promise<void> {
  const wanted = chain.filter((l) => messageLanguages.languages.includes(l));
  const fetched = await Promise.all(
    wanted.map(async (language): Promise<[string, Record<string, string>]> => {
      const url = mw.util.getUrl(`MediaWiki:Gadget-letsconnect-messages-${language}.json`, {
        action: 'raw',
        ctype: 'application/json',
        v: messageLanguages.version,
        maxage: 86400,
        smaxage: 86400,
      });
      try {
        const response = await fetch(url, { credentials: 'omit' });
        return [language, response.ok ? ((await response.json()) as Record<string, string>) : {}];
      } catch {
        return [language, {}];
      }
    }),
  );
  mw.messages.set(messagesFor({ ...bundle, ...Object.fromEntries(fetched) }, chain));
}

async function main(): Promise<void> {
  if (!shouldRun()) return;
  await loadMessages(mw.language.getFallbackLanguageChain());
  const { directory, program } = mountPoints();
  const username = mw.config.get('wgUserName');
  const client = new MwApiWikiClient(new mw.Api(), username);
  const env: GadgetEnv = {
    t: (key, ...params) => mw.message(key, ...params).text(),
    languages: mw.language.getFallbackLanguageChain(),
    url: (title, query) => mw.util.getUrl(title, query),
    now: () => new Date(),
  };
  const createApp = (Vue as VueWithMw).createMwApp ?? Vue.createApp;
  const pageTitle = String(mw.config.get('wgPageName')).replace(/_/g, ' ');
  const params = new URLSearchParams(window.location.search);
  const mount = (app: Vue.App, el: HTMLElement) => {
    app.provide(ENV, env);
    // Page content is in the wiki's language; the app speaks the reader's, in its direction.
    el.lang = mw.config.get('wgUserLanguage');
    el.dir = document.documentElement.dir || 'ltr';
    app.mount(el);
  };

  if (directory) {
    const app = createApp(DirectoryView, {
      load: () => loadDirectory(client, DEFAULT_ROOT, DEFAULT_BOT_NAME),
      initialQuery: queryFromParams((name) => params.get(name)),
      'onUpdate:query': writeQueryToUrl,
    });
    mount(app, directory);
    hideStaticDirectory(directory);
  }
  const month = roundFromTitle(DEFAULT_ROOT, pageTitle);
  // R/Resources: the form to add a resource; R/Report: the charts.
  const view = pageView(pageTitle, {
    client,
    root: DEFAULT_ROOT,
    botName: DEFAULT_BOT_NAME,
    username,
  });
  // An old revision or a diff shows proposals that may no longer be there: no controls.
  const latest = mw.config.get('wgRevisionId') === mw.config.get('wgCurRevisionId');
  const clinic = clinicRoute({
    root: DEFAULT_ROOT,
    botName: DEFAULT_BOT_NAME,
    pageTitle,
    username,
    client,
    api: new mw.Api(),
    namespaceIds: mw.config.get('wgNamespaceIds'),
    absoluteUrl: (title) => new URL(mw.util.getUrl(title), window.location.href).toString(),
  });
  if (program && clinic) {
    // Clinic pages and R/Clinics: sign-ups, feedback, calendar, the create form.
    if (latest) mount(createApp(clinic.component, clinic.props), program);
  } else if (program && month !== null) {
    if (!latest) return;
    const content = document.getElementById('mw-content-text') ?? document.body;
    const api = new mw.Api();
    const app = createApp(ConnectionsApp, {
      client,
      root: DEFAULT_ROOT,
      month,
      pageTitle,
      username,
      slots: createProposalSlots(
        content,
        mw.config.get('wgUserLanguage'),
        document.documentElement.dir || 'ltr',
      ),
      openOutcome: params.get('letsconnect-outcome'),
      render: (wikitext: string) =>
        new Promise<string>((resolve, reject) => {
          api
            .parse(wikitext, { title: pageTitle, disablelimitreport: true })
            .then((html: string) => resolve(html), reject);
        }),
    });
    mount(app, program);
  } else if (program && view) {
    mount(createApp(view.component, view.props), program);
  } else if (program) {
    const ownPage = username !== null && pageTitle === profilePageTitle(DEFAULT_ROOT, username);
    const app = createApp(ProgramApp, {
      client,
      root: DEFAULT_ROOT,
      botName: DEFAULT_BOT_NAME,
      username,
      pageTitle,
      navigate: (url: string) => window.location.assign(url),
      startEditing: ownPage && params.get('letsconnect') === 'edit',
    });
    mount(app, program);
  }
}

$(() => void main());
