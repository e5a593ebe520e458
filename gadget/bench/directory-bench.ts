/**
 * The directory view as `npm run bench` drives it in Chromium (scripts/bench/gadget-directory.ts):
 * the real component with Vue and Codex, reading the bot's documents from memory instead
 * of the API, so the figures are the view's own cost and not the network's. Not part of the
 * gadget bundle.
 */
import { createApp, nextTick } from 'vue';
import { EMPTY_QUERY } from '../../shared/directory/query';
import en from '../../shared/i18n/en.json';
import type { PageRevision, WikiClient } from '../../shared/wiki-client';
import { ENV, LOGGED_OUT, type GadgetEnv } from '../kit';
import { DirectoryView } from '../views/directory/DirectoryView';
import { loadDirectory } from '../kit';
import { until } from './until';

const messages = en as unknown as Record<string, string>;

/** Pages as the API would return them: JSON text the view parses and checks itself. */
function memoryClient(pages: Record<string, string>): WikiClient {
  return {
    readPages: async (titles) =>
      titles.map((title): PageRevision =>
        pages[title] === undefined
          ? { title, exists: false }
          : { title, exists: true, revid: 1, content: pages[title] },
      ),
    listPages: async () => Object.keys(pages),
    save: async () => {
      throw new Error('read-only');
    },
  };
}

interface Bench {
  /**
   * Mounts the view and returns milliseconds until the first cards are laid out. With
   * `bestFor`, that listed reader opens it sorted by "Best for me" (the matcher's pair score
   * against every person, computed in the page), and the time is until the cards show why
   * each person fits.
   */
  mount(
    pages: Record<string, string>,
    root: string,
    botName: string,
    bestFor?: string,
  ): Promise<number>;
  /** Milliseconds to parse the shards' JSON alone: the floor any client pays for the data. */
  parseOnly(pages: Record<string, string>): number;
  /** Types `text` into the search box; milliseconds until the results are updated and laid out. */
  type(text: string): Promise<number>;
  count(): string;
}

const env: GadgetEnv = {
  t: (key, ...params) =>
    (messages[key] ?? `⧼${key}⧽`).replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? ''),
  languages: ['en'],
  url: (title) => `#${encodeURIComponent(title)}`,
  now: () => new Date(),
  reader: LOGGED_OUT,
};

const bench: Bench = {
  async mount(pages, root, botName, bestFor) {
    const start = performance.now();
    const app = createApp(DirectoryView, {
      load: () => loadDirectory(memoryClient(pages), root, botName),
      ...(bestFor ? { initialQuery: { ...EMPTY_QUERY, sort: 'best' } } : {}),
    });
    app.provide(ENV, bestFor ? { ...env, reader: { username: bestFor, temporary: false } } : env);
    app.mount('#app');
    const shown = bestFor ? '.letsconnect-card__fit' : '.letsconnect-card';
    await until(() => document.querySelector(shown) !== null);
    return performance.now() - start;
  },
  parseOnly(pages) {
    const start = performance.now();
    for (const text of Object.values(pages)) JSON.parse(text);
    return performance.now() - start;
  },
  async type(text) {
    const input = document.querySelector<HTMLInputElement>('.letsconnect-filters__text input');
    if (!input) throw new Error('no search box');
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextTick();
    void document.body.offsetHeight;
    return performance.now() - start;
  },
  count: () => document.querySelector('.letsconnect-directory__count')?.textContent ?? '',
};

(window as unknown as { letsconnectBench: Bench }).letsconnectBench = bench;
