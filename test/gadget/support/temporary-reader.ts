/**
 * A reader on a temporary account (`~2026-1513`), as the kit's `readerOf` decides it, and what
 * every view must show it where it would offer a write: why, and links to log in and to
 * create an account that come back to the page.
 */
import type { Reader } from '../../../gadget/kit';
import en from '../../../shared/i18n/en.json';

export const TEMPORARY: Reader = { username: null, temporary: true };

/** The prompt's sentence and its two links (with where they return to); throws if absent. */
export function temporaryPrompt(root: ParentNode): {
  text: string;
  login: URL;
  create: URL;
} {
  const box = root.querySelector('.letsconnect-account-prompt');
  if (!box) throw new Error('no temporary-account prompt');
  const links = [...box.querySelectorAll('a')];
  const href = (label: string) => {
    const a = links.find((l) => l.textContent === label);
    if (!a) throw new Error(`no "${label}" link`);
    return new URL(a.getAttribute('href')!, 'https://meta.example');
  };
  const text = box.textContent ?? '';
  if (!text.includes(en['letsconnect-gadget-temporary']))
    throw new Error(`the prompt does not say why: ${text}`);
  return {
    text,
    login: href(en['letsconnect-gadget-temporary-login']),
    create: href(en['letsconnect-gadget-temporary-create']),
  };
}

/** The prompt's links go to the login and account-creation pages and come back to `returnto`. */
export function expectPromptFor(root: ParentNode, returnto: string, returntoquery?: string): void {
  const { login, create } = temporaryPrompt(root);
  expect(decodeURIComponent(login.pathname)).toBe('/wiki/Special:UserLogin');
  expect(decodeURIComponent(create.pathname)).toBe('/wiki/Special:CreateAccount');
  for (const url of [login, create]) {
    expect(url.searchParams.get('returnto')).toBe(returnto);
    expect(url.searchParams.get('returntoquery')).toBe(returntoquery ?? null);
  }
}
