import { flushPromises, mount } from '@vue/test-utils';
import type { AccountLookup } from '../../../gadget/views/clinics/clinic-wiki';
import { ClinicsIndexApp } from '../../../gadget/views/clinics/ClinicsIndexApp';
import { clinicPageTitle, workingGroupPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { parseSingleRecord, serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { clinicCodec } from '../../../shared/records/clinic';
import { withEnv } from '../support/env';
import { TEMPORARY, expectPromptFor } from '../support/temporary-reader';
import { FakeWiki } from '../support/fake-wiki';

const ME = 'Organiser One';
const CLINIC = clinicPageTitle(DEFAULT_ROOT, '2025-07-01', 'Budgets');

function wikiWith(members: string[]): FakeWiki {
  const wiki = new FakeWiki(ME);
  const calls = members.map((username) =>
    serialiseRecord(memberCodec, {
      username,
      role: 'working-group',
      region: '',
      languages: [],
      since: '',
    }),
  );
  wiki.put(workingGroupPageTitle(DEFAULT_ROOT), calls.join('\n'), 'Admin');
  return wiki;
}

/** The wiki's accounts, as list=allusers and list=users tell them. */
let ACCOUNTS = [ME, 'Mei Sharer', 'Meta Person'];
/** While set, the account search fails as a lost connection would. */
let searchDown = false;
const accounts: AccountLookup = {
  search: async (prefix) => {
    if (searchDown) throw new Error('http');
    return ACCOUNTS.filter((a) => a.startsWith(prefix));
  },
  missing: async (names) => names.filter((n) => !ACCOUNTS.includes(n)),
};

async function mountIndex(
  wiki: FakeWiki,
  username: string | null = ME,
  env: Parameters<typeof withEnv>[0] = {},
) {
  const downloads: string[] = [];
  const w = mount(ClinicsIndexApp, {
    props: {
      wiki,
      root: DEFAULT_ROOT,
      botName: 'LetsConnectBot',
      username,
      pageTitle: `${DEFAULT_ROOT}/Clinics`,
      namespaceIds: { user: 2 },
      accounts,
      zone: 'Europe/Berlin',
      download: (name: string) => downloads.push(name),
      absoluteUrl: (t: string) => `https://meta.example/wiki/${t}`,
    },
    ...withEnv(env),
    attachTo: document.body,
  });
  await flushPromises();
  return { w, downloads };
}

type Wrapper = Awaited<ReturnType<typeof mountIndex>>['w'];
const button = (w: Wrapper, label: string) => w.findAll('button').find((b) => b.text() === label);

async function openCreate(w: Wrapper) {
  await button(w, 'Create a clinic')!.trigger('click');
  await flushPromises();
  return w.get('form.letsconnect-clinic-create');
}

/** Types into a menu field and chooses the menu item that reads `label`. */
async function choose(w: Wrapper, field: string, typed: string, label: string) {
  const input = w.get(`.letsconnect-clinic-form__${field} input`);
  await input.setValue(typed);
  await flushPromises();
  const item = w
    .findAll(`.letsconnect-clinic-form__${field} .cdx-menu-item`)
    .find((i) => i.text() === label);
  if (!item) throw new Error(`no "${label}" in the ${field} menu for "${typed}"`);
  await item.trigger('click');
  await flushPromises();
}

async function fillValid(w: Wrapper) {
  const form = w.get('form.letsconnect-clinic-create');
  await form.get('.letsconnect-clinic-form__title input').setValue('Budgets');
  await form.find('.letsconnect-clinic-form__topic input[type="checkbox"]').setValue(true);
  const first = form.get('.letsconnect-clinic-form__first');
  await first.get('input[type="date"]').setValue('2025-07-01');
  await first.get('input[type="time"]').setValue('15:00');
  await first.get('input[type="text"]').setValue('Europe/Berlin');
  // Languages and sharers from menus, by name: never typed as codes.
  await choose(w, 'languages', 'engl', 'English');
  await choose(w, 'languages', 'portu', 'Portuguese');
  await choose(w, 'sharers', ME.slice(0, 4), ME);
}

afterEach(() => {
  ACCOUNTS = [ME, 'Mei Sharer', 'Meta Person'];
  searchDown = false;
});

it('says so when the account search fails, and offers again once it answers', async () => {
  const { w } = await mountIndex(wikiWith([ME]));
  await openCreate(w);
  const field = () => w.get('.letsconnect-clinic-form__sharers');
  searchDown = true;
  await field().get('input').setValue('Me');
  await flushPromises();
  expect(field().findAll('.cdx-menu-item:not(.cdx-menu__no-results)')).toHaveLength(0);
  expect(field().text()).toContain('The wiki did not answer the search');
  searchDown = false;
  await field().get('input').setValue('Mei');
  await flushPromises();
  expect(field().text()).not.toContain('The wiki did not answer the search');
  expect(
    field()
      .findAll('.cdx-menu-item')
      .map((i) => i.text()),
  ).toEqual(['Mei Sharer']);
});

it('offers languages by name and sharers among existing accounts, and checks the sharers before saving', async () => {
  const wiki = wikiWith([ME]);
  const { w } = await mountIndex(wiki);
  await openCreate(w);
  await fillValid(w);
  const chips = (field: string) =>
    w
      .findAll(`.letsconnect-clinic-form__${field} .letsconnect-menu-field__label`)
      .map((c) => c.text());
  expect(chips('languages')).toEqual(['English', 'Portuguese']);
  expect(chips('sharers')).toEqual([ME]);
  // Each choice has its own remove button, named for what it removes; a removed language is
  // offered again.
  const removeButton = w
    .findAll('.letsconnect-clinic-form__languages button')
    .find((b) => b.attributes('aria-label') === 'Remove Portuguese');
  expect(removeButton).toBeDefined();
  await removeButton!.trigger('click');
  expect(chips('languages')).toEqual(['English']);
  await choose(w, 'languages', 'portu', 'Portuguese');
  expect(chips('languages')).toEqual(['English', 'Portuguese']);
  // Only accounts the wiki has are offered; temporary accounts never.
  ACCOUNTS.push('~2026-1513');
  await w.get('.letsconnect-clinic-form__sharers input').setValue('Me');
  await flushPromises();
  expect(
    w.findAll('.letsconnect-clinic-form__sharers .cdx-menu-item').map((i) => i.text()),
  ).toEqual(expect.arrayContaining(['Mei Sharer', 'Meta Person']));
  await w.get('.letsconnect-clinic-form__sharers input').setValue('~');
  await flushPromises();
  const offered = w
    .findAll('.letsconnect-clinic-form__sharers .cdx-menu-item')
    .map((i) => i.text());
  expect(offered.filter((t) => t.includes('~2026'))).toEqual([]);
  await w.get('.letsconnect-clinic-form__sharers input').setValue('');
  // The account is gone by the time of saving: said, nothing saved.
  ACCOUNTS = ['Mei Sharer'];
  await w.get('form.letsconnect-clinic-create').trigger('submit');
  await flushPromises();
  expect(w.get('.letsconnect-clinic-form__sharers').text()).toContain(
    `There is no account named "${ME}" on this wiki`,
  );
  expect(wiki.saves).toEqual([]);
});

afterEach(() => {
  document.body.innerHTML = '';
});

it('asks a reader who is not logged in to log in', async () => {
  const { w } = await mountIndex(wikiWith([ME]), null);
  expect(w.get('a').text()).toBe('Log in to get your learning calendar');
  expect(w.findAll('button')).toHaveLength(0);
});

it('offers a temporary account neither the calendar nor "Create a clinic", but why', async () => {
  const { w } = await mountIndex(wikiWith([ME]), null, { reader: TEMPORARY });
  expectPromptFor(w.element.parentElement!, `${DEFAULT_ROOT}/Clinics`);
  expect(w.findAll('button')).toHaveLength(0);
  expect(w.text()).not.toContain('Log in to get your learning calendar');
});

it('offers "Create a clinic" to working-group members only', async () => {
  expect(button((await mountIndex(wikiWith([ME]))).w, 'Create a clinic')).toBeDefined();
  expect(button((await mountIndex(wikiWith(['Someone Else']))).w, 'Create a clinic')).toBe(
    undefined,
  );
});

it('says so when the learning calendar would be empty, and offers no file', async () => {
  const { w, downloads } = await mountIndex(wikiWith([]));
  await button(w, 'My learning calendar')!.trigger('click');
  await flushPromises();
  expect(w.get('.letsconnect-notice[role="status"]').text()).toContain('No upcoming clinic');
  expect(downloads).toEqual([]);
});

it('shows each field’s problems, by its label, and saves nothing', async () => {
  const wiki = wikiWith([ME]);
  const { w } = await mountIndex(wiki);
  const form = await openCreate(w);
  await form.trigger('submit');
  await flushPromises();
  expect(w.get('.letsconnect-notice[role="alert"]').text()).toMatch(/answers need your attention/);
  expect(form.get('.letsconnect-clinic-form__title').text()).toContain('"Title" is required.');
  expect(form.get('.letsconnect-clinic-form__first').text()).toContain(
    'Give a date, a time and a time zone',
  );
  expect(wiki.saves).toEqual([]);
});

it('creates the clinic page, never over an existing one', async () => {
  const wiki = wikiWith([ME]);
  const { w } = await mountIndex(wiki);
  await openCreate(w);
  await fillValid(w);
  await w.get('form.letsconnect-clinic-create').trigger('submit');
  await flushPromises();
  expect(wiki.saves.map((s) => [s.title, s.baseRevid])).toEqual([[CLINIC, null]]);
  const saved = parseSingleRecord(clinicCodec, wiki.pages.get(CLINIC)!.content).parsed!.record;
  expect(saved).toMatchObject({
    title: 'Budgets',
    sessions: ['2025-07-01T13:00Z'],
    timezone: 'Europe/Berlin',
    host: ME,
    languages: ['en', 'pt'],
  });
  const done = w.get('.letsconnect-notice[role="status"]');
  expect(done.text()).toContain('The clinic page is created.');
  expect(done.get('a').text()).toBe('Open the clinic page');
  // The form is empty again.
  expect((w.get('.letsconnect-clinic-form__title input').element as HTMLInputElement).value).toBe(
    '',
  );

  // The same date and title again: refused, the page left as it was, the answers kept.
  await fillValid(w);
  await w.get('form.letsconnect-clinic-create').trigger('submit');
  await flushPromises();
  const refused = w.get('.letsconnect-notice[role="alert"]');
  expect(refused.text()).toContain('already exists');
  expect(refused.text()).toContain('Everything you typed is still in the form.');
  expect(refused.get('a').text()).toBe('See the existing page');
  expect((w.get('.letsconnect-clinic-form__title input').element as HTMLInputElement).value).toBe(
    'Budgets',
  );
  expect(wiki.saves).toHaveLength(2);
  expect(wiki.pages.get(CLINIC)!.content).toBe(wiki.saves[0]!.content);
});

it('closes the form', async () => {
  const { w } = await mountIndex(wikiWith([ME]));
  await openCreate(w);
  await button(w, 'Close')!.trigger('click');
  expect(w.find('form.letsconnect-clinic-create').exists()).toBe(false);
  expect(button(w, 'My learning calendar')).toBeDefined();
});
