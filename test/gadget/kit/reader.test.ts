/**
 * The one place the gadget decides whether the reader may write (kit/reader.ts), and what it
 * shows a temporary account instead of a write (kit/AccountPrompt.tsx).
 */
import { mount } from '@vue/test-utils';
import { h } from 'vue';
import { AccountPrompt, LOGGED_OUT, failureText, readerOf } from '../../../gadget/kit';
import { t } from '../support/env';
import { withEnv } from '../support/env';
import { TEMPORARY, expectPromptFor, temporaryPrompt } from '../support/temporary-reader';

describe('readerOf', () => {
  it('takes the wiki’s own answer where it gives one (MediaWiki 1.40 and later)', () => {
    const newer = (name: string | null, temp: boolean) => ({
      getName: () => name,
      isTemp: () => temp,
      isNamed: () => name !== null && !temp,
    });
    expect(readerOf(newer('Amani', false))).toEqual({ username: 'Amani', temporary: false });
    expect(readerOf(newer('~2026-1513', true))).toEqual(TEMPORARY);
    expect(readerOf(newer(null, false))).toEqual(LOGGED_OUT);
    // The wiki's configured pattern wins over Wikimedia's: its own temporary names...
    expect(readerOf(newer('*Unregistered 4', true))).toEqual(TEMPORARY);
    // ...and an old named account that happens to look like one of Wikimedia's.
    expect(readerOf(newer('~2Old', false))).toEqual({ username: '~2Old', temporary: false });
    // isTemp alone (no isNamed) is enough.
    expect(readerOf({ getName: () => '~2026-9', isTemp: () => true })).toEqual(TEMPORARY);
  });

  it("falls back to Wikimedia's ~2… pattern where the wiki does not say (MediaWiki 1.39)", () => {
    const older = (name: string | null) => ({ getName: () => name });
    expect(readerOf(older('~2026-1513'))).toEqual(TEMPORARY);
    expect(readerOf(older('Amani Wikimedian'))).toEqual({
      username: 'Amani Wikimedian',
      temporary: false,
    });
    expect(readerOf(older('~Bob'))).toEqual({ username: '~Bob', temporary: false });
    expect(readerOf(older(null))).toEqual(LOGGED_OUT);
  });
});

describe('AccountPrompt', () => {
  const slot = { default: () => h('a', { class: 'own-login', href: '/login' }, 'Log in to x') };

  it('tells a temporary account why it cannot take part, with links back here', () => {
    const w = mount(AccountPrompt, {
      props: { returnto: 'Grants:X/Y', returntoquery: 'letsconnect-outcome=2026-11-003' },
      slots: slot,
      ...withEnv({ reader: TEMPORARY }),
    });
    expect(temporaryPrompt(w.element.parentElement!).text).toContain(
      'Temporary accounts cannot take part',
    );
    expectPromptFor(w.element.parentElement!, 'Grants:X/Y', 'letsconnect-outcome=2026-11-003');
    // Not the view's own login prompt, which is for logged-out readers.
    expect(w.find('.own-login').exists()).toBe(false);
  });

  it("shows a logged-out reader the view's own prompt (or nothing), no temporary-account words", () => {
    const withSlot = mount(AccountPrompt, {
      props: { returnto: 'Grants:X' },
      slots: slot,
      ...withEnv({ reader: LOGGED_OUT }),
    });
    expect(withSlot.get('.own-login').text()).toBe('Log in to x');
    expect(withSlot.find('.letsconnect-account-prompt').exists()).toBe(false);
    const bare = mount(AccountPrompt, { props: { returnto: 'Grants:X' }, ...withEnv() });
    expect(bare.text()).toBe('');
  });
});

it('a save refused for want of a named account says so, for every kind of save', () => {
  const f = { kind: 'failed', failure: 'account', code: 'letsconnect-not-named' } as const;
  for (const what of ['profile', 'clinic', 'feedback', 'outcome', 'resource', 'review'])
    expect(failureText(t, what, f)).toMatch(
      /^Temporary accounts cannot take part in Let's Connect/,
    );
});
