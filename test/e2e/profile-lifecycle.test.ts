/**
 * A newcomer's whole path, in Chromium against the real wiki and the real bot: create an
 * account, register through the form, run the bot, find yourself in the directory by a
 * filter; then update, snooze and withdraw, each seen in the directory after the bot runs.
 */
import { profilePageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { anonymousEdit } from '../../scripts/wiki/anonymous-edit';
import { screenshot } from '../support/browser';
import { wiki } from '../support/local-wiki';
import {
  cardOf,
  checkBox,
  fillMinimalProfile,
  openDirectory,
  newcomer,
  openForm,
  pageUrl,
  profileUrl,
  runDirectoryTask,
  save,
} from './helpers/gadget-pages';

jest.setTimeout(180_000);

const { user, session: current } = newcomer('Newcomer');

describe('a newcomer registers, is listed, updates, snoozes and withdraws', () => {
  it('registers through the form, on their own page', async () => {
    const { page } = current();
    const form = await openForm(page);
    expect(await form.locator('h2').textContent()).toBe("Join Let's Connect");
    await fillMinimalProfile(page, form, 'Budget development');
    await form.locator('.letsconnect-form__about textarea').fill('I run a small user group.');
    await form.locator('.letsconnect-form__preview summary').click();
    await screenshot(page, 'form-register-filled-vector-2022');
    const outcome = await save(form);
    expect(outcome).toContain('Your profile is saved.');
    await screenshot(page, 'form-register-saved-vector-2022');
    // The page is the owner's, rendered by the template as plain wiki content.
    await page.goto(profileUrl(user));
    expect(await page.locator('.letsconnect-profile').first().textContent()).toContain(
      'I run a small user group.',
    );
    expect(current().errors).toEqual([]);
  });

  it('is found in the directory by a filter after the bot runs', async () => {
    await runDirectoryTask();
    const view = await openDirectory(current().page);
    await view.locator('.letsconnect-filters__text input').fill(user);
    await cardOf(view, user).waitFor({ timeout: 10_000 });
    expect(await view.locator('.letsconnect-card').count()).toBe(1);
    // And by topic, learn side, region, through the URL a filtered view is shared with.
    const shared = await openDirectory(current().page, {
      'lc-topic': 'budget-development',
      'lc-side': 'learn',
      'lc-region': 'ssa',
    });
    await cardOf(shared, user).waitFor({ timeout: 10_000 });
    const card = cardOf(shared, user);
    expect(await card.locator('.is-learn').textContent()).toContain('Budget development');
    expect(await card.textContent()).toContain('Swahili (level 3)');
    await screenshot(current().page, 'directory-filtered-vector-2022');
    expect(current().errors).toEqual([]);
  });

  it('updates the profile and sees the change after the next run', async () => {
    const { page } = current();
    const form = await openForm(page);
    expect(await form.locator('h2').textContent()).toBe("Edit my Let's Connect profile");
    await checkBox(form.locator('.letsconnect-form__share'), 'Fundraising');
    expect(await save(form)).toContain('Your profile is saved.');
    await runDirectoryTask();
    const view = await openDirectory(page, {
      'lc-topic': 'fundraising',
      'lc-side': 'share',
      'lc-q': user,
    });
    await cardOf(view, user).waitFor({ timeout: 10_000 });
    expect(await cardOf(view, user).locator('.is-share').textContent()).toContain('Fundraising');
  });

  it("after another account's edit, opens the owner's own version, says so, and saving puts it back", async () => {
    const { page } = current();
    const raw = async () =>
      (
        await page.request.get(pageUrl(profilePageTitle(DEFAULT_ROOT, user), { action: 'raw' }))
      ).text();
    const forged = (await raw()).replace('I run a small user group.', 'Planted by someone else.');
    expect(forged).toContain('Planted by someone else.');
    const other = await anonymousEdit(wiki.server, profilePageTitle(DEFAULT_ROOT, user), forged);
    const form = await openForm(page);
    const warning = form.locator('.letsconnect-form__foreign-edit');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`${other.user} changed your profile page`);
    expect(await warning.locator('a').getAttribute('href')).toContain(`diff=${other.revid}`);
    expect(await form.locator('.letsconnect-form__about textarea').inputValue()).toBe(
      'I run a small user group.',
    );
    expect(await save(form)).toContain('Your profile is saved.');
    expect(await raw()).toContain('I run a small user group.');
    expect(await raw()).not.toContain('Planted');
  });

  it('snoozes with one confirmed click, and the directory says until when', async () => {
    const { page } = current();
    const form = await openForm(page);
    await form.locator('.letsconnect-status input[type="date"]').fill('2031-03-15');
    await form
      .locator('.letsconnect-status')
      .getByRole('button', { name: 'Pause', exact: true })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await screenshot(page, 'form-snooze-confirm-vector-2022');
    await dialog.getByRole('button', { name: 'Pause', exact: true }).click();
    await form.locator('.letsconnect-outcome').waitFor();
    expect(await form.locator('.letsconnect-status').textContent()).toContain(
      'Not taking new connections until Mar 15, 2031',
    );
    await runDirectoryTask();
    const view = await openDirectory(page, { 'lc-q': user });
    await cardOf(view, user).waitFor({ timeout: 10_000 });
    expect(await cardOf(view, user).textContent()).toContain(
      'Not taking new connections until Mar 15, 2031',
    );
  });

  it('withdraws with one confirmed click, and is gone from the directory after the next run', async () => {
    const { page } = current();
    const form = await openForm(page);
    await form.getByRole('button', { name: "Leave Let's Connect" }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'Everything on your profile page except your user name will be removed',
    );
    expect(await dialog.textContent()).toContain("Earlier versions stay in the page's history");
    await dialog.getByRole('button', { name: 'Leave', exact: true }).click();
    const outcome = form.locator('.letsconnect-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain("You have left Let's Connect.");
    // The page's source keeps the user name and the flag, nothing personal.
    const source = await (
      await page.request.get(pageUrl(profilePageTitle(DEFAULT_ROOT, user), { action: 'raw' }))
    ).text();
    expect(source).toMatch(/\|\s*withdrawn\s*=\s*yes/);
    expect(source).not.toContain('I run a small user group.');
    expect(source).not.toMatch(/\|\s*(region|languages|learn|share|formats)\s*=\s*[^|}\s]/);
    await runDirectoryTask();
    const view = await openDirectory(page, { 'lc-q': user });
    await view.locator('.letsconnect-empty').waitFor({ timeout: 10_000 });
    expect(await view.locator('.letsconnect-card').count()).toBe(0);
    await screenshot(page, 'directory-empty-state-vector-2022');
    expect(current().errors).toEqual([]);
    expect(current().dialogs).toEqual([]);
  });
});
