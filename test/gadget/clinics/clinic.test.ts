import { flushPromises, mount } from '@vue/test-utils';
import { ClinicApp } from '../../../gadget/views/clinics/ClinicApp';
import type { ClinicWiki, Subpage } from '../../../gadget/views/clinics/clinic-wiki';
import {
  clinicFeedbackTitle,
  clinicPageTitle,
  calendarDataTitle,
  clinicSignupTitle,
  resourcesDataTitle,
} from '../../../shared/pages';
import type { CalendarDocument } from '../../../shared/documents/documents';
import { DEFAULT_ROOT } from '../../../shared/program';
import { parseSingleRecord, serialiseRecord } from '../../../shared/records/codec';
import {
  clinicCodec,
  feedbackCodec,
  signupCodec,
  type Clinic,
  type Signup,
} from '../../../shared/records/clinic';
import { ApiError } from '../../../gadget/kit';
import { withEnv } from '../support/env';
import { TEMPORARY, expectPromptFor } from '../support/temporary-reader';
import { FakeWiki } from '../support/fake-wiki';

const CLINIC = clinicPageTitle(DEFAULT_ROOT, '2025-06-20', 'Budgets');
const ME = 'Learner One';

/** The fake wiki with page ids in creation order, as the real one gives. */
class ClinicFakeWiki extends FakeWiki implements ClinicWiki {
  ids = new Map<string, number>();
  override put(title: string, content: string, user?: string): number {
    if (!this.ids.has(title)) this.ids.set(title, this.ids.size + 1);
    return super.put(title, content, user);
  }
  async readSubpages(prefix: string): Promise<Subpage[]> {
    return [...this.pages.entries()]
      .filter(([title]) => title.startsWith(prefix))
      .map(([title, p]) => ({
        title,
        pageid: this.ids.get(title)!,
        revid: p.revid,
        user: p.user,
        content: p.content,
      }))
      .sort((a, b) => a.pageid - b.pageid);
  }
}

const clinic = (over: Partial<Clinic> = {}): Clinic => ({
  title: 'Budgets, grants; reports',
  topic: 'fundraising',
  sessions: ['2025-06-20T14:00Z'],
  timezone: 'America/Sao_Paulo',
  minutes: 90,
  sharers: ['Sharer One'],
  interpreters: [],
  host: 'Sharer One',
  languages: ['en'],
  interpretation: ['es'],
  capacity: 1,
  status: 'open',
  link: 'https://meet.example.org/x',
  recording: '',
  description: 'What we cover.',
  attended: null,
  ...over,
});

const signup = (username: string): Signup => ({
  username,
  session: 1,
  role: 'participant',
  interpretation: '',
  signed: '2025-05-30T10:00Z',
  cancelled: '',
});

function wikiWith(c: Clinic): ClinicFakeWiki {
  const wiki = new ClinicFakeWiki(ME);
  wiki.put(CLINIC, serialiseRecord(clinicCodec, c), 'Sharer One');
  wiki.put(
    clinicSignupTitle(CLINIC, 'Other'),
    serialiseRecord(signupCodec, signup('Other')),
    'Other',
  );
  // Someone else's edit on a sign-up page: it does not count.
  wiki.put(
    clinicSignupTitle(CLINIC, 'Forged'),
    serialiseRecord(signupCodec, signup('Forged')),
    'Vandal',
  );
  return wiki;
}

async function mountClinic(
  wiki: ClinicFakeWiki,
  username: string | null = ME,
  env: Parameters<typeof withEnv>[0] = {},
) {
  const downloads: Array<{ name: string; text: string }> = [];
  const w = mount(ClinicApp, {
    props: {
      wiki,
      botName: 'LetsConnectBot',
      pageTitle: CLINIC,
      username,
      zone: 'Europe/Berlin',
      download: (name: string, text: string) => downloads.push({ name, text }),
      absoluteUrl: (t: string) => `https://meta.example/wiki/${t}`,
    },
    ...withEnv(env),
    attachTo: document.body,
  });
  await flushPromises();
  return { w, downloads };
}

const button = (w: Awaited<ReturnType<typeof mountClinic>>['w'], label: string) =>
  w.findAll('button').find((b) => b.text() === label)!;

/** A button of the open confirmation dialog (teleported to the body). */
const dialogButton = (label: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.cdx-dialog button')].find(
    (b) => b.textContent?.trim() === label,
  )!;

afterEach(() => {
  document.body.innerHTML = '';
});

it('shows times in the reader’s zone and the organiser’s, and the places', async () => {
  const { w } = await mountClinic(wikiWith(clinic()));
  const text = w.text();
  expect(text).toContain('Times are shown in your time zone (Europe/Berlin).');
  expect(text).toMatch(/Session 1: Friday, June 20, 2025 at 4:00 PM GMT\+2/);
  expect(text).toMatch(
    /for the organiser: Friday, June 20, 2025 at 11:00 AM GMT-3, America\/Sao_Paulo/,
  );
  // The forged sign-up is not counted.
  expect(text).toContain('Session 1: 1 of 1 places taken, 0 on the waiting list.');
  expect(text).toContain('You have not signed up.');
});

it('signs up on the person’s own page; a full session puts them on the waiting list', async () => {
  const wiki = wikiWith(clinic());
  const { w } = await mountClinic(wiki);
  await button(w, 'Sign up').trigger('click');
  expect(w.text()).toContain('This session is full');
  await w.get('form.letsconnect-clinic-signup').trigger('submit');
  await flushPromises();
  const own = clinicSignupTitle(CLINIC, ME);
  expect(wiki.saves.map((s) => [s.title, s.baseRevid])).toEqual([[own, null]]);
  const saved = parseSingleRecord(signupCodec, wiki.pages.get(own)!.content).parsed!.record;
  expect(saved).toMatchObject({ username: ME, session: 1, role: 'participant', cancelled: '' });
  expect(w.get('.letsconnect-clinic-app__place').text()).toBe(
    'You are on the waiting list for session 1: number 1. You move up automatically when someone cancels.',
  );

  // Cancelling asks first; keeping the place saves nothing.
  await button(w, 'Cancel my sign-up').trigger('click');
  await flushPromises();
  expect(wiki.saves).toHaveLength(1);
  expect(document.querySelector('.cdx-dialog')?.textContent).toContain(
    'Your place goes to the first person on the waiting list.',
  );
  dialogButton('Cancel').click();
  await flushPromises();
  expect(wiki.saves).toHaveLength(1);
  expect(document.querySelector('.cdx-dialog')).toBeNull();

  // Confirmed, it sets `cancelled` on the same page, based on its revision.
  await button(w, 'Cancel my sign-up').trigger('click');
  await flushPromises();
  dialogButton('Cancel my place').click();
  await flushPromises();
  expect(wiki.saves[1]!.baseRevid).not.toBeNull();
  expect(
    parseSingleRecord(signupCodec, wiki.pages.get(own)!.content).parsed!.record.cancelled,
  ).toBe('2025-06-01T12:00Z');
  expect(w.text()).toContain('You cancelled your sign-up.');
});

it('keeps the choice when a save fails, and says why', async () => {
  const wiki = wikiWith(clinic({ capacity: 5 }));
  const { w } = await mountClinic(wiki);
  await button(w, 'Sign up').trigger('click');
  await w.findAll('input[name="letsconnect-clinic-role"]')[2]!.setValue(true);
  wiki.failNextSave('http');
  await w.get('form.letsconnect-clinic-signup').trigger('submit');
  await flushPromises();
  expect(w.get('[role="alert"]').text()).toContain('could not be reached');
  expect(w.get('[role="alert"]').text()).toContain('Everything you typed is still in the form.');
  expect(
    (w.findAll('input[name="letsconnect-clinic-role"]')[2]!.element as HTMLInputElement).checked,
  ).toBe(true);
  await w.get('form.letsconnect-clinic-signup').trigger('submit');
  await flushPromises();
  expect(
    parseSingleRecord(signupCodec, wiki.pages.get(clinicSignupTitle(CLINIC, ME))!.content).parsed!
      .record.role,
  ).toBe('interpreter');
});

it('offers the clinic as an .ics file made in the browser', async () => {
  const { w, downloads } = await mountClinic(
    wikiWith(clinic({ sessions: ['2025-06-20T14:00Z', '2025-06-21T02:00Z'] })),
  );
  await button(w, 'Add to my calendar').trigger('click');
  await flushPromises();
  // No feed published: the file only, no subscription offered.
  expect(w.text()).not.toContain('Subscribe');
  await button(w, 'Download this clinic (.ics file)').trigger('click');
  expect(downloads).toHaveLength(1);
  expect(downloads[0]!.name).toBe('2025-06-20 Budgets.ics');
  const text = downloads[0]!.text;
  // The organiser's wall-clock times with their zone (São Paulo, UTC−3), as the feed writes them.
  expect(text).toContain('DTSTART;TZID=America/Sao_Paulo:20250620T110000\r\n');
  expect(text).toContain('DTSTART;TZID=America/Sao_Paulo:20250620T230000\r\n');
  expect(text).toContain('TZOFFSETTO:-0300\r\n');
  expect(text).toContain('SUMMARY:Budgets\\, grants\\; reports (session 2)\r\n');
});

it("offers subscriptions to the reader's places and to the program where the operator runs the feed", async () => {
  const wiki = wikiWith(clinic());
  const doc: CalendarDocument = {
    schemaVersion: 1,
    kind: 'calendar',
    generated: '2025-06-01T00:00:00Z',
    root: DEFAULT_ROOT,
    feedUrl: 'https://letsconnect.toolforge.org',
    entries: [],
  };
  wiki.put(calendarDataTitle('LetsConnectBot'), JSON.stringify(doc), 'LetsConnectBot');
  const { w, downloads } = await mountClinic(wiki, ME, { languages: ['es', 'en'] });
  await button(w, 'Add to my calendar').trigger('click');
  await flushPromises();
  const links = w.findAll('.letsconnect-calendar-choices a');
  expect(links.map((a) => [a.text(), a.attributes('href')])).toEqual([
    [
      'Subscribe to your places',
      'webcal://letsconnect.toolforge.org/person/Learner_One.ics?lang=es',
    ],
    [
      "Subscribe to all Let's Connect clinics",
      'webcal://letsconnect.toolforge.org/program.ics?lang=es',
    ],
  ]);
  // The addresses to copy, for calendar apps that ask for one.
  expect(
    w
      .findAll('.letsconnect-calendar-choices input')
      .map((i) => (i.element as HTMLInputElement).value),
  ).toEqual([
    'https://letsconnect.toolforge.org/person/Learner_One.ics?lang=es',
    'https://letsconnect.toolforge.org/program.ics?lang=es',
  ]);
  // The file is still there.
  await button(w, 'Download this clinic (.ics file)').trigger('click');
  expect(downloads).toHaveLength(1);
});

it('after the session, the place is told in the past, with no calendar; feedback only for those who had a place', async () => {
  const wiki = wikiWith(clinic({ sessions: ['2025-05-20T14:00Z'], capacity: 2 }));
  wiki.put(clinicSignupTitle(CLINIC, ME), serialiseRecord(signupCodec, signup(ME)), ME);
  const { w } = await mountClinic(wiki);
  expect(w.text()).toContain('You had a place in session 1.');
  expect(w.text()).not.toContain('You have a place');
  expect(w.findAll('button').map((b) => b.text())).not.toContain('Add to my calendar');
  expect(w.findAll('button').map((b) => b.text())).toContain('Give feedback');
  // Someone who never had a place is not asked how it went.
  const outsider = await mountClinic(wikiWith(clinic({ sessions: ['2025-05-20T14:00Z'] })));
  expect(outsider.w.findAll('button').map((b) => b.text())).not.toContain('Give feedback');
  expect(outsider.w.text()).toContain('You have not signed up.');
});

it('after the session, feedback is asked for and saved on the person’s own page', async () => {
  const wiki = wikiWith(clinic({ sessions: ['2025-05-20T14:00Z'], capacity: 2 }));
  wiki.put(clinicSignupTitle(CLINIC, ME), serialiseRecord(signupCodec, signup(ME)), ME);
  const { w } = await mountClinic(wiki);
  expect(w.text()).toContain('Sign-ups for this clinic are closed.');
  await button(w, 'Give feedback').trigger('click');
  const form = w.get('form.letsconnect-clinic-feedback');
  await form.trigger('submit');
  expect(form.text()).toContain('Please answer yes or no.');
  expect(wiki.saves).toHaveLength(0);
  await form.findAll('input[name="letsconnect-clinic-feedback-useful"]')[0]!.setValue(true);
  await form.findAll('input[name="letsconnect-clinic-feedback-rating"]')[3]!.setValue(true);
  await form.get('.letsconnect-clinic-form__improve textarea').setValue('More | time ~~~~');
  await form.trigger('submit');
  await flushPromises();
  const saved = parseSingleRecord(
    feedbackCodec,
    wiki.pages.get(clinicFeedbackTitle(CLINIC, ME))!.content,
  ).parsed!.record;
  expect(saved).toMatchObject({
    username: ME,
    useful: true,
    rating: 4,
    improve: 'More | time ~~~~',
  });
  expect(w.text()).toContain('Thank you: your feedback is saved.');
});

it('shows the resource centre’s items on the clinic’s topic, and only those', async () => {
  const wiki = wikiWith(clinic());
  const entry = (title: string, topics: string[]) => ({
    title,
    url: 'https://meta.wikimedia.org/wiki/Grants:Budgets',
    page: '',
    kind: 'guide',
    topics,
    languages: ['en'],
    addedBy: 'Ana',
    added: '2025-05-01',
    description: '',
    revid: 1,
  });
  wiki.put(
    resourcesDataTitle('LetsConnectBot'),
    JSON.stringify({
      schemaVersion: 1,
      kind: 'resources',
      generated: '2025-06-01T00:00:00Z',
      root: DEFAULT_ROOT,
      lastrevid: 3,
      resources: [
        entry('Fundraising guide <b>x</b>', ['fundraising']),
        entry('Governance handbook', ['governance']),
      ],
    }),
    'LetsConnectBot',
  );
  const { w } = await mountClinic(wiki);
  const text = w.text();
  expect(text).toContain('Fundraising guide <b>x</b>');
  expect(text).not.toContain('Governance handbook');
  expect(w.find('b').exists()).toBe(false);
});

it('says when the page holds no clinic', async () => {
  const wiki = new ClinicFakeWiki(ME);
  wiki.put(CLINIC, 'Just some text.', 'Sharer One');
  const { w } = await mountClinic(wiki);
  expect(w.text()).toContain('This page does not hold a clinic yet');
  expect(w.find('.letsconnect-clinic-app').exists()).toBe(false);
});

it('says why the clinic could not be read, and reads it again on request', async () => {
  const wiki = wikiWith(clinic());
  const readSubpages = wiki.readSubpages.bind(wiki);
  let down = true;
  wiki.readSubpages = async (prefix: string) => {
    if (down) throw new ApiError('http');
    return readSubpages(prefix);
  };
  const { w } = await mountClinic(wiki);
  expect(w.get('.letsconnect-load-failed').text()).toContain(
    'The clinic could not be loaded: http',
  );
  down = false;
  await button(w, 'Try again').trigger('click');
  await flushPromises();
  expect(w.get('.letsconnect-clinic-app__place').text()).toBe('You have not signed up.');
});

it('offers a temporary account no sign-up or feedback, but why and links to log in or create an account', async () => {
  const wiki = wikiWith(clinic({ sessions: ['2025-05-20T14:00Z', '2025-06-20T14:00Z'] }));
  const { w } = await mountClinic(wiki, null, { reader: TEMPORARY });
  expect(w.text()).toContain('Session 1: 1 of 1 places taken, 0 on the waiting list.');
  expectPromptFor(w.element, CLINIC);
  // Reading is fine (the times, the calendar file); no button that writes.
  expect(w.findAll('button').map((b) => b.text())).toEqual(['Add to my calendar']);
  expect(w.text()).not.toContain('Log in to sign up');
  expect(wiki.saves).toHaveLength(0);
});

it('a sharer the clinic does not list joins as a participant: in a full session, they wait', async () => {
  const wiki = wikiWith(clinic());
  const { w } = await mountClinic(wiki);
  await button(w, 'Sign up').trigger('click');
  // "Sharer (presenting a case)": not on the clinic's list of sharers.
  await w.findAll('input[name="letsconnect-clinic-role"]')[1]!.setValue(true);
  expect(w.get('.letsconnect-clinic-form__unlisted').text()).toContain(
    'The clinic does not list you as a sharer, so you join as a participant',
  );
  expect(w.text()).toContain('This session is full');
  await w.get('form.letsconnect-clinic-signup').trigger('submit');
  await flushPromises();
  expect(w.get('.letsconnect-clinic-app__place').text()).toContain(
    'You are on the waiting list for session 1: number 1.',
  );
  expect(w.text()).toContain('Session 1: 1 of 1 places taken, 1 on the waiting list.');
});

it('a sharer the clinic lists takes the role outside the places', async () => {
  const wiki = wikiWith(clinic({ sharers: ['Sharer One', ME] }));
  const { w } = await mountClinic(wiki);
  await button(w, 'Sign up').trigger('click');
  await w.findAll('input[name="letsconnect-clinic-role"]')[1]!.setValue(true);
  expect(w.find('.letsconnect-clinic-form__unlisted').exists()).toBe(false);
  expect(w.text()).not.toContain('This session is full');
  await w.get('form.letsconnect-clinic-signup').trigger('submit');
  await flushPromises();
  expect(w.get('.letsconnect-clinic-app__place').text()).toBe(
    'You are signed up for session 1 as a sharer or interpreter.',
  );
});
