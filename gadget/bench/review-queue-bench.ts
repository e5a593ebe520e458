/**
 * The connections view's review queue as `npm run bench` drives it in Chromium
 * (scripts/bench/review-queue.ts): the real ConnectionsApp on a round page the wiki rendered,
 * for a working-group member, reading and saving pages in memory instead of through the API,
 * so the figures are the view's own cost and not the network's. Not part of the gadget bundle.
 */
import { createApp, type App } from 'vue';
import type { PageRevision, WikiClient } from '../../shared/wiki-client';
import { testEnv } from '../../test/gadget/support/env';
import { ENV } from '../kit';
import { ConnectionsApp } from '../views/connections/ConnectionsApp';
import { createProposalSlots } from '../views/connections/proposal-slots';
import { proposalsOf } from '../views/connections/round';
import { until } from './until';

/** Pages in memory, saved as the wiki would (a save based on an old revision is a conflict). */
function memoryClient(pages: Record<string, string>): WikiClient {
  const revids = new Map(Object.keys(pages).map((title) => [title, 1]));
  return {
    readPages: async (titles) =>
      titles.map((title): PageRevision =>
        pages[title] === undefined
          ? { title, exists: false }
          : { title, exists: true, revid: revids.get(title), content: pages[title] },
      ),
    listPages: async () => Object.keys(pages),
    save: async (title, text, _summary, baseRevid) => {
      if ((revids.get(title) ?? null) !== baseRevid) throw new Error('editconflict');
      const revid = (revids.get(title) ?? 0) + 1;
      pages[title] = text;
      revids.set(title, revid);
      return { title, revid, nochange: false };
    },
  };
}

function button(label: string): HTMLButtonElement {
  const found = [...document.querySelectorAll<HTMLButtonElement>('.letsconnect-queue button')].find(
    (b) => b.textContent?.trim() === label,
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

const queueText = () => document.querySelector('.letsconnect-queue')?.textContent ?? '';

export interface RoundBenchInput {
  root: string;
  month: string;
  roundTitle: string;
  groupTitle: string;
  member: string;
  /** The round page's and the working-group page's wikitext. */
  pages: Record<string, string>;
  /** The round page as the wiki rendered it. */
  html: string;
}

interface Bench {
  /** Milliseconds to parse the round page's proposals alone: the floor any client pays. */
  parseOnly(input: RoundBenchInput): number;
  /** Mounts the view for a member; milliseconds until the queue's rows are laid out. */
  mount(input: RoundBenchInput): Promise<number>;
  /** Filters by `name`, chooses all shown; milliseconds from "Approve" to the result shown. */
  approveAll(name: string, expected: number): Promise<number>;
  reviewed(): string;
  unmount(): void;
}

let app: App | null = null;

const bench: Bench = {
  parseOnly(input) {
    const start = performance.now();
    const n = proposalsOf(input.pages[input.roundTitle] ?? '').size;
    const ms = performance.now() - start;
    if (n === 0) throw new Error('no proposals parsed');
    return ms;
  },
  async mount(input) {
    const content = document.getElementById('mw-content-text')!;
    content.innerHTML = input.html;
    content.classList.remove('letsconnect-round--queue');
    const start = performance.now();
    const slots = createProposalSlots(content, 'en', 'ltr');
    app = createApp(ConnectionsApp, {
      client: memoryClient({ ...input.pages }),
      root: input.root,
      month: input.month,
      pageTitle: input.roundTitle,
      username: input.member,
      slots,
      showProposals: (shown: boolean) =>
        content.classList.toggle('letsconnect-round--queue', !shown),
    });
    app.provide(ENV, testEnv({ now: () => new Date() }));
    app.mount('#app');
    await until(() => document.querySelector('.letsconnect-queue__row') !== null);
    return performance.now() - start;
  },
  async approveAll(name, expected) {
    const input = document.querySelector<HTMLInputElement>(
      '.letsconnect-queue__filter--name input',
    );
    if (!input) throw new Error('no name filter');
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => queueText().includes(`Choose all ${expected} shown`));
    button(`Choose all ${expected} shown`).click();
    await until(() => queueText().includes(`Approve (${expected})`));
    const start = performance.now();
    button(`Approve (${expected})`).click();
    await until(() => queueText().includes(`${expected} proposals approved.`));
    return performance.now() - start;
  },
  reviewed: () => document.querySelector('.letsconnect-queue__reviewed')?.textContent ?? '',
  unmount() {
    app?.unmount();
    app = null;
  },
};

(window as unknown as { letsconnectBench: Bench }).letsconnectBench = bench;
