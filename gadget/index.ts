/**
 * Gadget entry point. Loaded by ResourceLoader on every page; does nothing unless the
 * page is the program root or under it. Vue and Codex come from ResourceLoader.
 */
import * as Vue from 'vue';
import bundle from 'letsconnect:messages';
import { DEFAULT_ROOT, isUnderRoot } from '../shared/program';
import { messagesFor } from './i18n';
import { WelcomePanel } from './views/welcome/WelcomePanel';

type VueWithMw = typeof Vue & { createMwApp?: typeof Vue.createApp };

function shouldRun(): boolean {
  return (
    mw.config.get('wgAction') === 'view' &&
    isUnderRoot(String(mw.config.get('wgPageName')), DEFAULT_ROOT)
  );
}

/** Where the app goes: a placeholder on the page if there is one, else the top of the content. */
function mountPoint(): HTMLElement | null {
  const placeholder = document.querySelector<HTMLElement>('.letsconnect-app');
  if (placeholder) return placeholder;
  const content = document.getElementById('mw-content-text');
  if (!content) return null;
  const el = document.createElement('div');
  el.className = 'letsconnect-app';
  content.prepend(el);
  return el;
}

function main(): void {
  if (!shouldRun()) return;
  const chain = mw.language.getFallbackLanguageChain();
  mw.messages.set(messagesFor(bundle, chain));
  const el = mountPoint();
  if (!el) return;
  const createApp = (Vue as VueWithMw).createMwApp ?? Vue.createApp;
  const t = (key: string, ...params: string[]) => mw.message(key, ...params).text();
  createApp(WelcomePanel, { t }).mount(el);
}

$(main);
