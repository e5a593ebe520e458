import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { CdxSelect } from '@wikimedia/codex';
import { profilePageTitle, workingGroupPageTitle } from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { parseSingleRecord, serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec, withdrawnProfile, type Profile } from '../../../shared/records/profile';
import { ProfileForm } from '../../../gadget/views/profile-form/ProfileForm';
import { loadOwnProfile } from '../../../gadget/views/profile-form/profile-page';
import { newProfile } from '../../../gadget/views/profile-form/form-model';
import { withEnv } from '../support/env';
import { FakeWiki } from '../support/fake-wiki';

const USER = 'Bruna Wikimedian';
const TITLE = profilePageTitle(DEFAULT_ROOT, USER);

const registered: Profile = {
  ...newProfile(USER, 'America/Sao_Paulo'),
  region: 'lac',
  country: 'BR',
  languages: [{ code: 'pt', level: 'N' }],
  learn: ['fundraising'],
  listed: true,
};

async function mountForm(wiki: FakeWiki) {
  const own = await loadOwnProfile(wiki, DEFAULT_ROOT, DEFAULT_BOT_NAME, USER);
  const w = mount(ProfileForm, {
    props: { own, client: wiki },
    ...withEnv(),
    attachTo: document.body,
  });
  await flushPromises();
  return w;
}

async function pick(w: VueWrapper, selector: string, value: string | number) {
  w.get(selector).findComponent(CdxSelect).vm.$emit('update:selected', value);
  await flushPromises();
}

const checkbox = (w: VueWrapper, scope: string, label: string) =>
  w
    .get(scope)
    .findAll('.cdx-checkbox')
    .find((c) => c.text() === label)!
    .get('input');

async function submit(w: VueWrapper) {
  await w.get('form').trigger('submit');
  await flushPromises();
}

const savedProfile = (wiki: FakeWiki) =>
  parseSingleRecord(profileCodec, wiki.saves.at(-1)!.content).parsed!.record;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ProfileForm: registering', () => {
  it('starts empty except for the time zone and 1:1 connections, with consent off', async () => {
    const w = await mountForm(new FakeWiki(USER));
    expect(w.get('h2').text()).toBe("Join Let's Connect");
    expect((w.get('.letsconnect-form__timezone input').element as HTMLInputElement).value).toBe(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    expect(
      (
        checkbox(
          w,
          '.letsconnect-form__consent',
          w.get('.letsconnect-form__consent .cdx-checkbox').text(),
        ).element as HTMLInputElement
      ).checked,
    ).toBe(false);
    expect(w.text()).toContain('public page on Meta-Wiki');
    expect(w.text()).not.toContain('⧼');
  });

  it('adds and removes rows without submitting the form', async () => {
    const wiki = new FakeWiki(USER);
    const w = await mountForm(wiki);
    await w.get('.letsconnect-form__groups .letsconnect-rows__add').trigger('click');
    await w.get('.letsconnect-form__languages .letsconnect-rows__add').trigger('click');
    await w.get('.letsconnect-form__availability .letsconnect-rows__add').trigger('click');
    expect(w.findAll('.letsconnect-rows__row')).toHaveLength(3);
    await w.get('.letsconnect-form__groups .letsconnect-rows__row button').trigger('click');
    expect(w.findAll('.letsconnect-rows__row')).toHaveLength(2);
    expect(w.find('.letsconnect-outcome').exists()).toBe(false);
    expect(wiki.saves).toHaveLength(0);
  });

  it('checks with the shared rules and says what is missing, next to each field, without saving', async () => {
    const wiki = new FakeWiki(USER);
    const w = await mountForm(wiki);
    await submit(w);
    expect(wiki.saves).toHaveLength(0);
    expect(w.get('.letsconnect-outcome').text()).toMatch(
      /4 answers need your attention. The list at the top of the form links to each./,
    );
    expect(w.get('.letsconnect-form__region').text()).toContain('"Region" is required.');
    expect(w.get('.letsconnect-form__languages').text()).toContain(
      '"Languages you speak" is required.',
    );
    expect(w.get('.letsconnect-form__topics').text()).toContain('is required');
    expect(w.get('.letsconnect-form__consent').text()).toContain(
      'Tick "I agree to be listed" under "What becomes public" to join',
    );
    expect(w.get('.letsconnect-form__consent').text()).not.toContain('is required');
    // Fixing a field clears its message at once.
    await pick(w, '.letsconnect-form__region', 'lac');
    expect(w.get('.letsconnect-form__region').text()).not.toContain('required');
  });

  it('lists the errors at the top with a link to each field, and moves the focus there', async () => {
    const wiki = new FakeWiki(USER);
    const w = await mountForm(wiki);
    await submit(w);
    const summary = w.get('.letsconnect-error-summary');
    // At the top: before the first part of the form, not under it.
    const first = w.get('.letsconnect-form__part').element;
    expect(
      summary.element.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(summary.text()).toMatch(/4 answers need your attention \(marked below\)/);
    expect(document.activeElement).toBe(summary.element);
    const links = summary.findAll('a');
    expect(links.map((a) => a.attributes('href'))).toEqual([
      '#letsconnect-form-region',
      '#letsconnect-form-languages',
      '#letsconnect-form-topics',
      '#letsconnect-form-consent',
    ]);
    expect(links.at(-1)!.text()).toContain('Tick "I agree to be listed"');
    // Each link's target is its field, and following it focuses the field's control.
    for (const a of links) expect(document.querySelector(a.attributes('href')!)).not.toBeNull();
    await links.at(-1)!.trigger('click');
    expect(document.activeElement).toBe(w.get('.letsconnect-form__consent input').element);
    // Fixed fields leave the list.
    await pick(w, '.letsconnect-form__region', 'lac');
    expect(w.findAll('.letsconnect-error-summary a')).toHaveLength(3);
  });

  it('counts characters as one types and refuses a suggestion over the limit, never cutting it', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const w = await mountForm(wiki);
    const input = w.get('.letsconnect-form__learn-other input');
    expect(input.attributes('maxlength')).toBeUndefined();
    await input.setValue('Wikidata for museums');
    expect(w.get('.letsconnect-form__learn-other .letsconnect-count').text()).toBe(
      '20 of 500 characters',
    );
    const long = 'x'.repeat(5000);
    await input.setValue(long);
    expect(w.get('.letsconnect-form__learn-other .letsconnect-count').text()).toBe(
      '5,000 of 500 characters: 4,500 too many. Shorten it to save.',
    );
    await submit(w);
    expect(wiki.saves).toHaveLength(0);
    expect(w.get('.letsconnect-form__learn-other').text()).toContain(
      '"Suggest a topic to learn" is too long: at most 500 characters, this has 5000.',
    );
    expect(w.get('.letsconnect-error-summary').text()).toContain(
      '"Suggest a topic to learn" is too long',
    );
    // What was typed is kept whole.
    expect((input.element as HTMLInputElement).value).toBe(long);
  });

  it("refuses an email address in free text, with the bot's own message", async () => {
    const w = await mountForm(new FakeWiki(USER));
    await w.get('.letsconnect-form__about textarea').setValue('write to me at me@example.org');
    await submit(w);
    expect(w.get('.letsconnect-form__about').text()).toContain('seems to contain an email address');
  });

  it("saves a complete profile to the person's own page, through the serialiser, then says when they will be listed", async () => {
    const wiki = new FakeWiki(USER);
    const w = await mountForm(wiki);
    await pick(w, '.letsconnect-form__region', 'lac');
    await w.get('.letsconnect-form__languages .letsconnect-rows__add').trigger('click');
    await pick(w, '.letsconnect-form__languages .letsconnect-rows__row .cdx-field', 'pt');
    await checkbox(w, '.letsconnect-form__topics', 'Fundraising').setValue(true);
    await w
      .get('.letsconnect-form__about textarea')
      .setValue('Hi | {{subst:x}} ~~~~ <script>alert(1)</script>');
    await checkbox(
      w,
      '.letsconnect-form__consent',
      w.get('.letsconnect-form__consent .cdx-checkbox').text(),
    ).setValue(true);
    await submit(w);
    expect(wiki.saves).toHaveLength(1);
    const save = wiki.saves[0]!;
    expect(save).toMatchObject({ title: TITLE, baseRevid: null, summary: "Let's Connect: joined" });
    expect(save.content).not.toContain('<script>');
    expect(save.content).not.toContain('~~~~');
    const record = savedProfile(wiki);
    expect(record).toMatchObject({
      username: USER,
      region: 'lac',
      languages: [{ code: 'pt', level: '3' }],
      learn: ['fundraising'],
      listed: true,
      withdrawn: false,
      about: 'Hi | {{subst:x}} ~~~~ <script>alert(1)</script>',
      updated: '2025-06-01T12:00:00Z',
    });
    const outcome = w.get('.letsconnect-outcome');
    expect(outcome.text()).toContain('Your profile is saved.');
    expect(outcome.get('a').attributes('href')).toBe(
      `/wiki/${encodeURIComponent(TITLE.replace(/ /g, '_'))}`,
    );
    expect(outcome.text()).toContain("after the Let's Connect bot's next run");
    expect(w.emitted('saved')).toHaveLength(1);
  });
});

describe('ProfileForm: updating', () => {
  it('changes only the profile call, keeps the rest of the page, and saves on the revision it read', async () => {
    const wiki = new FakeWiki(USER);
    const base = wiki.put(
      TITLE,
      `Intro text kept.\n${serialiseRecord(profileCodec, registered)}\n[[Category:Kept]]\n`,
    );
    const w = await mountForm(wiki);
    expect(w.get('h2').text()).toBe("Edit my Let's Connect profile");
    await checkbox(w, '.letsconnect-form__share', 'Budget development').setValue(true);
    await submit(w);
    expect(wiki.saves[0]).toMatchObject({
      baseRevid: base,
      summary: "Let's Connect: updated my profile",
    });
    expect(wiki.saves[0]!.content.startsWith('Intro text kept.\n{{')).toBe(true);
    expect(wiki.saves[0]!.content).toContain('[[Category:Kept]]');
    expect(savedProfile(wiki).share).toEqual(['budget-development']);
    // A second save is based on the first one's revision, not the stale one.
    await w.get('.letsconnect-form__share-other input').setValue('Wiki Loves Folklore');
    await submit(w);
    expect(wiki.saves[1]!.baseRevid).toBe(base + 1);
  });

  it('reports an edit conflict in words, overwrites nothing and keeps what was typed', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const w = await mountForm(wiki);
    const theirs = `${serialiseRecord(profileCodec, { ...registered, about: 'Edited elsewhere' })}`;
    wiki.put(TITLE, theirs, 'Amani Wikimedian');
    await w.get('.letsconnect-form__about textarea').setValue('My own words');
    await submit(w);
    expect(wiki.pages.get(TITLE)!.content).toBe(theirs);
    const outcome = w.get('.letsconnect-outcome');
    expect(outcome.attributes('role')).toBe('alert');
    expect(outcome.text()).toContain('changed by someone else');
    expect(outcome.text()).toContain('Everything you typed is still in the form.');
    expect(outcome.get('a').attributes('href')).toContain('action=history');
    expect((w.get('.letsconnect-form__about textarea').element as HTMLTextAreaElement).value).toBe(
      'My own words',
    );
  });

  it.each([
    ['badtoken', 'no longer logged in'],
    ['http', 'could not be reached'],
    ['blocked', 'blocked from editing'],
    ['protectedpage', 'is protected'],
    ['weird-code', 'the wiki said: weird-code'],
  ])('explains a failed save (%s) and keeps the form filled', async (code, words) => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const w = await mountForm(wiki);
    await w.get('.letsconnect-form__about textarea').setValue('Still here');
    wiki.failNextSave(code);
    await submit(w);
    expect(w.get('.letsconnect-outcome').text()).toContain(words);
    expect((w.get('.letsconnect-form__about textarea').element as HTMLTextAreaElement).value).toBe(
      'Still here',
    );
    // Saving again once the problem is gone works, from the same base revision.
    await submit(w);
    expect(w.get('.letsconnect-outcome').text()).toContain('Your profile is saved.');
  });
});

describe('ProfileForm: snooze and withdraw', () => {
  const dialogButton = (label: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('.cdx-dialog button')].find(
      (b) => b.textContent?.trim() === label,
    )!;

  it('withdraws after a confirmation that explains what happens, blanking every personal field', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(
      TITLE,
      `About me.\n${serialiseRecord(profileCodec, { ...registered, about: 'Hi' })}\n`,
    );
    const w = await mountForm(wiki);
    const leave = w
      .findAll('.letsconnect-status button')
      .find((b) => b.text() === "Leave Let's Connect")!;
    await leave.trigger('click');
    await flushPromises();
    const dialog = document.querySelector('.cdx-dialog')!;
    expect(dialog.textContent).toContain('Everything on your profile page except your user name');
    expect(dialog.textContent).toContain("Earlier versions stay in the page's history");
    expect(dialog.querySelector('a')?.getAttribute('href')).toContain(
      'Requests_for_help_from_a_sysop_or_bureaucrat',
    );
    expect(wiki.saves).toHaveLength(0);
    dialogButton('Leave').click();
    await flushPromises();
    // Only the user name, the withdrawn flag and when are left on the page.
    expect(savedProfile(wiki)).toEqual({
      ...withdrawnProfile(USER),
      updated: savedProfile(wiki).updated,
    });
    expect(wiki.saves[0]!.content).not.toContain('About me.');
    expect(wiki.saves[0]!.summary).toBe("Let's Connect: withdrew");
    const outcome = w.get('.letsconnect-outcome');
    expect(outcome.text()).toContain("You have left Let's Connect.");
    expect(outcome.text()).toContain('ask an administrator for revision deletion');
    expect(outcome.get('a').attributes('href')).toContain('Requests_for_help');
    // The form starts afresh, and offers the answers from before (only here, to the owner).
    expect((w.get('.letsconnect-form__about textarea').element as HTMLTextAreaElement).value).toBe(
      '',
    );
    await w.get('.letsconnect-form__restore button').trigger('click');
    expect((w.get('.letsconnect-form__about textarea').element as HTMLTextAreaElement).value).toBe(
      'Hi',
    );
    await submit(w);
    expect(savedProfile(wiki)).toMatchObject({ withdrawn: false, about: 'Hi', region: 'lac' });
    expect(wiki.saves.at(-1)!.summary).toBe("Let's Connect: joined");
  });

  it('cancelling the confirmation saves nothing', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const w = await mountForm(wiki);
    await w
      .findAll('.letsconnect-status button')
      .find((b) => b.text() === "Leave Let's Connect")!
      .trigger('click');
    await flushPromises();
    dialogButton('Cancel').click();
    await flushPromises();
    expect(wiki.saves).toHaveLength(0);
  });

  it('snoozes until a chosen date, and can resume', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const w = await mountForm(wiki);
    await w.get('.letsconnect-status input[type="date"]').setValue('2025-09-15');
    await w
      .findAll('.letsconnect-status button')
      .find((b) => b.text() === 'Pause')!
      .trigger('click');
    await flushPromises();
    expect(document.querySelector('.cdx-dialog')?.textContent).toContain('Until Sep 15, 2025');
    dialogButton('Pause').click();
    await flushPromises();
    expect(savedProfile(wiki).snoozeUntil).toBe('2025-09-15');
    expect(wiki.saves[0]!.summary).toBe("Let's Connect: paused new connections until 2025-09-15");
    expect(w.get('.letsconnect-status').text()).toContain(
      'Not taking new connections until Sep 15, 2025.',
    );
    await w
      .findAll('.letsconnect-status button')
      .find((b) => b.text() === 'Resume now')!
      .trigger('click');
    await flushPromises();
    dialogButton('Resume').click();
    await flushPromises();
    expect(savedProfile(wiki).snoozeUntil).toBe('');
  });

  it('does not offer a snooze date in the past', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const w = await mountForm(wiki);
    await w.get('.letsconnect-status input[type="date"]').setValue('2025-05-01');
    const pause = w.findAll('.letsconnect-status button').find((b) => b.text() === 'Pause')!;
    expect(pause.attributes('disabled')).toBeDefined();
    expect(w.get('.letsconnect-status').text()).toContain('Choose a date after today.');
  });
});

describe('ProfileForm: the page history', () => {
  it("loads the owner's own last version when someone else edited the page, says so, and saving restores it", async () => {
    const wiki = new FakeWiki(USER);
    const mine = wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const forged = { ...registered, learn: ['wikidata'], share: ['fundraising'] };
    const theirs = wiki.put(TITLE, serialiseRecord(profileCodec, forged), 'Amani Wikimedian');
    const w = await mountForm(wiki);
    const warning = w.get('.letsconnect-form__foreign-edit');
    expect(warning.text()).toContain('Amani Wikimedian changed your profile page');
    const diff = warning.get('a').attributes('href');
    expect(diff).toContain(`oldid=${mine}`);
    expect(diff).toContain(`diff=${theirs}`);
    // The form holds the owner's topics, not the other account's.
    expect(
      (checkbox(w, '.letsconnect-form__share', 'Budget development').element as HTMLInputElement)
        .checked,
    ).toBe(false);
    await w.get('.letsconnect-form__about textarea').setValue('My own words');
    await submit(w);
    expect(wiki.saves[0]!.baseRevid).toBe(theirs);
    expect(savedProfile(wiki)).toMatchObject({
      learn: ['fundraising'],
      share: [],
      about: 'My own words',
    });
  });

  it('passes over an edit by someone who only added themselves to the working-group page', async () => {
    const wiki = new FakeWiki(USER);
    // The form sees only the page's current text, not who wrote it: it trusts the owner alone.
    wiki.put(
      workingGroupPageTitle(DEFAULT_ROOT),
      serialiseRecord(memberCodec, {
        username: 'Amani Wikimedian',
        role: 'working-group',
        region: '',
        languages: [],
        since: '',
      }),
      'Amani Wikimedian',
    );
    wiki.put(TITLE, serialiseRecord(profileCodec, registered));
    const planted = { ...registered, about: 'Planted by someone else' };
    wiki.put(TITLE, serialiseRecord(profileCodec, planted), 'Amani Wikimedian');
    const w = await mountForm(wiki);
    expect(w.get('.letsconnect-form__foreign-edit').text()).toContain(
      'Amani Wikimedian changed your profile page',
    );
    expect(
      (w.get('.letsconnect-form__about textarea').element as HTMLTextAreaElement).value,
    ).not.toBe('Planted by someone else');
  });

  it('starts empty when no version of the page is the owner’s, and says so', async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, registered), 'Amani Wikimedian');
    const w = await mountForm(wiki);
    expect(w.get('.letsconnect-form__foreign-edit').text()).toContain('no version of it is yours');
    expect(w.get('h2').text()).toBe("Join Let's Connect");
  });

  it("offers back only the owner's answers from before they left, never another account's", async () => {
    const wiki = new FakeWiki(USER);
    wiki.put(TITLE, serialiseRecord(profileCodec, { ...registered, about: 'Mine' }));
    wiki.put(TITLE, serialiseRecord(profileCodec, withdrawnProfile(USER)));
    wiki.put(
      TITLE,
      serialiseRecord(profileCodec, { ...registered, about: 'Planted', withdrawn: true }),
      'Amani Wikimedian',
    );
    const w = await mountForm(wiki);
    expect(w.text()).toContain('Amani Wikimedian changed your profile page');
    await w.get('.letsconnect-form__restore button').trigger('click');
    expect((w.get('.letsconnect-form__about textarea').element as HTMLTextAreaElement).value).toBe(
      'Mine',
    );
  });
});
