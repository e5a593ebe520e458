/**
 * An edit conflict staged by a second user while the owner has the form open: the owner is
 * told in words, the other edit stays on the page, and nothing the owner typed is lost.
 */
import { profilePageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { screenshot } from '../support/browser';
import { adminClient } from '../support/local-wiki';
import { fillMinimalProfile, newcomer, openForm, save } from './helpers/gadget-pages';

jest.setTimeout(120_000);

const { user, session: current } = newcomer('Conflicted');

it('reports an edit conflict, keeps the other edit and everything typed', async () => {
  const { page } = current();
  const title = profilePageTitle(DEFAULT_ROOT, user);
  const first = await openForm(page);
  await fillMinimalProfile(page, first, 'Fundraising');
  expect(await save(first)).toContain('Your profile is saved.');

  const form = await openForm(page);
  // A second user edits the page while the form is open.
  const other = await adminClient([DEFAULT_ROOT]);
  const [before] = await other.readPages([title]);
  const theirs = `${before!.content}\nA note added by another user.\n`;
  await other.save(title, theirs, 'a second user edits', before!.revid!);

  const typed = 'Words I typed and must not lose.';
  await form.locator('.letsconnect-form__about textarea').fill(typed);
  const outcome = await save(form);
  expect(outcome).toContain('changed by someone else');
  expect(outcome).toContain('Everything you typed is still in the form.');
  expect(await form.locator('.letsconnect-form__about textarea').inputValue()).toBe(typed);
  expect(await form.locator('.letsconnect-outcome').getAttribute('role')).toBe('alert');
  await screenshot(page, 'form-edit-conflict-vector-2022');

  const [after] = await other.readPages([title]);
  // MediaWiki trims trailing whitespace when it saves.
  expect(after!.content).toBe(theirs.trimEnd());
  expect(current().errors).toEqual([]);
});
