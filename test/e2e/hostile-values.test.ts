/**
 * The hostile-value corpus typed into every free-text field of the form: nothing runs as
 * script, and neither the profile page, the bot's outputs nor the directory view break.
 */
import hostile from '../fixtures/hostile-strings.json';
import { EMAIL_LIKE } from '../../shared/records/vocabulary';
import { screenshot } from '../support/browser';
import {
  cardOf,
  fillMinimalProfile,
  openDirectory,
  newcomer,
  openForm,
  profileUrl,
  runDirectoryTask,
  save,
} from './helpers/gadget-pages';

jest.setTimeout(180_000);

const { user, session: current } = newcomer('Mallory');

/** Printable corpus entries (control characters and lone surrogates cannot be typed). */
// eslint-disable-next-line no-control-regex
const UNTYPEABLE = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;
const typeable = hostile.strings.filter(
  (s) => s.trim() !== '' && s.length < 200 && !UNTYPEABLE.test(s) && !EMAIL_LIKE.test(s),
);
const probes = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '" onfocus="alert(3)',
];
const corpus = [...probes, ...typeable];

/** As many entries as fit in `max` characters, joined by `sep`. */
function pack(strings: readonly string[], max: number, sep: string): string {
  let out = '';
  for (const s of strings) {
    const next = out === '' ? s : `${out}${sep}${s}`;
    if ([...next].length > max) break;
    out = next;
  }
  return out;
}

const about = pack(
  corpus.map((s) => s.replace(/\s*\n\s*/g, ' ')),
  2000,
  '\n',
);
const group = pack(
  corpus.filter((s) => !s.includes('\n')),
  200,
  ' ',
);
const suggestion = pack(
  [...corpus].reverse().filter((s) => !s.includes('\n')),
  500,
  ' ',
);

const pwned = () => current().page.evaluate('window.__pwned === undefined ? null : window.__pwned');

it('saves hostile text typed into every field, and the preview shows it as text', async () => {
  const { page } = current();
  const form = await openForm(page);
  await fillMinimalProfile(page, form, 'Advocacy skills');
  await form.getByRole('button', { name: 'Add a group' }).click();
  await form.locator('.letsconnect-form__groups input').first().fill(group);
  await form.locator('.letsconnect-form__learn-other input').fill(suggestion);
  await form.locator('.letsconnect-form__share-other input').fill(suggestion);
  await form.locator('.letsconnect-form__about textarea').fill(about);
  await form.locator('.letsconnect-form__preview summary').click();
  expect(await form.locator('.letsconnect-card__about').textContent()).toBe(about);
  expect(await save(form)).toContain('Your profile is saved.');
  expect(await pwned()).toBeNull();
  expect(current().dialogs).toEqual([]);
});

it('leaves the profile page whole: one card, the text as typed, no injected links or categories', async () => {
  const { page } = current();
  await page.goto(profileUrl(user));
  expect(await page.locator('.letsconnect-profile').count()).toBe(1);
  const card = (await page.locator('.letsconnect-profile').textContent()) ?? '';
  for (const s of [
    '~~~~',
    '[[Category:Spam]]',
    '{{subst:Foo}}',
    '<script>alert(1)</script>',
    '|username=Mallory',
  ]) {
    if (about.includes(s)) expect([s, card.includes(s)]).toEqual([s, true]);
  }
  const categories = await page.locator('#catlinks a').allTextContents();
  expect(
    categories.filter((c) => !['Category', 'Categories', "Let's Connect participants"].includes(c)),
  ).toEqual([]);
  // The card's own links only, to the owner's user page, talk page and Special:EmailUser: no
  // [[…]], {{…}}, category or typed URL became a link (the shared escaper keeps URLs as
  // text), and no script link.
  const links = await page
    .locator('.letsconnect-profile a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const owner = user.replace(/ /g, '_');
  expect(links.map((l) => decodeURIComponent(l))).toEqual([
    expect.stringContaining(`User:${owner}`),
    expect.stringContaining(`User_talk:${owner}`),
    expect.stringMatching(
      new RegExp(`/Special:EmailUser/${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    ),
  ]);
  await screenshot(page, 'profile-page-hostile-values');
  expect(await pwned()).toBeNull();
});

it('shows the same text in the directory after the bot runs, and forges no one', async () => {
  await runDirectoryTask();
  const view = await openDirectory(current().page, { 'lc-q': user });
  const card = cardOf(view, user);
  await card.waitFor({ timeout: 10_000 });
  // MediaWiki stores text in Unicode NFC; everything else arrives exactly as typed.
  expect(await card.locator('.letsconnect-card__about').textContent()).toBe(about.normalize('NFC'));
  // The corpus holds a whole forged `{{Let's Connect/Profile|username=Mallory}}` call.
  const forged = await openDirectory(current().page, { 'lc-q': 'Mallory' });
  const names = await forged.locator('.letsconnect-card__name').allTextContents();
  expect(names).toContain(user);
  expect(names).not.toContain('Mallory');
  await screenshot(current().page, 'directory-hostile-values');
  expect(await pwned()).toBeNull();
  expect(current().dialogs).toEqual([]);
  expect(current().errors).toEqual([]);
});
