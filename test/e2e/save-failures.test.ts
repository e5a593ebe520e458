/**
 * A save that fails for reasons outside the form: the session ended in another tab, the
 * connection dropped. Each is told in words, and what the person typed stays in the form.
 */
import { profilePageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { allowPageProblem, screenshot } from '../support/browser';
import { adminClient } from '../support/local-wiki';
import { fillMinimalProfile, newcomer, openForm, save } from './helpers/gadget-pages';

jest.setTimeout(120_000);

const { user, session: current } = newcomer('Unlucky');

it('a dropped connection is reported and loses nothing; saving again works', async () => {
  const { page } = current();
  const form = await openForm(page);
  await fillMinimalProfile(page, form, 'Team management');
  await form.locator('.letsconnect-form__about textarea').fill('Typed before the network went.');
  // The connection drops for the save (a fault injected in front of the real wiki); Chromium
  // logs the failed request, which is this test's doing.
  allowPageProblem(/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/);
  await page.route('**/api.php', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  const outcome = await save(form);
  expect(outcome).toContain('could not be reached');
  expect(outcome).toContain('Everything you typed is still in the form.');
  expect(await form.locator('.letsconnect-form__about textarea').inputValue()).toBe(
    'Typed before the network went.',
  );
  await page.unroute('**/api.php');
  expect(await save(form)).toContain('Your profile is saved.');
});

it('an ended session is reported, nothing is saved as a logged-out reader, and nothing is lost', async () => {
  const { page } = current();
  const form = await openForm(page);
  await form.locator('.letsconnect-form__about textarea').fill('Typed while logged out elsewhere.');
  // Log out in another tab of the same browser.
  const other = await page.context().newPage();
  await other.goto(page.url());
  // ResourceLoader's startup (mw.loader.using) and mediawiki.api may still be loading when the
  // page's load event fires: wait for them.
  await other.waitForFunction("typeof mw === 'object' && typeof mw.loader.using === 'function'");
  await other.evaluate(
    "mw.loader.using('mediawiki.api').then(() => new mw.Api().postWithToken('csrf', { action: 'logout' }))",
  );
  await other.close();
  const outcome = await save(form);
  expect(outcome).toContain('no longer logged in');
  expect(await form.locator('.letsconnect-form__about textarea').inputValue()).toBe(
    'Typed while logged out elsewhere.',
  );
  await screenshot(page, 'form-session-ended-vector-2022');
  const admin = await adminClient([DEFAULT_ROOT]);
  const [latest] = await admin.readPages([profilePageTitle(DEFAULT_ROOT, user)]);
  expect(latest!.user).toBe(user);
  expect(latest!.content).not.toContain('Typed while logged out elsewhere.');
});
