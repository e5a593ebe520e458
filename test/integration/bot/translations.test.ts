/**
 * Translations by the community on a real wiki of its own: an ordinary account writes German
 * on R/Translations/de.json (one hostile text, one with a placeholder missing, one unknown
 * key), then a logged-out visitor changes it. The directory task publishes only what passes
 * from the named account's version and lists the rest on R/Maintenance; the clinic
 * invitation a German-speaking participant then gets uses the translation, as text: the
 * rendered talk page shows `<script>` and `{{…}}` as written, and runs nothing. The label
 * module reads the published translation too: Anna's profile page, rendered for a German
 * reader, has the translated words after the bot's run (not before), the hostile one as text.
 */
import { readDocument } from '../../../shared/documents/read-document';
import {
  clinicPageTitle,
  maintenancePageTitle,
  profilePageTitle,
  publishedTranslationsTitle,
  translationPageTitle,
  workingGroupPageTitle,
} from '../../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../../shared/program';
import { clinicCodec } from '../../../shared/records/clinic';
import { serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec } from '../../../shared/records/profile';
import { MwnWikiClient } from '../../../bot/wiki/mwn-client';
import { importPages } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { anonymousEdit } from '../../../scripts/wiki/anonymous-edit';
import { readCredentials } from '../../../scripts/wiki/credentials';
import { renderedPageText } from '../../support/raw-ids';
import { runBotOk } from '../../support/run-cli';
import { startThrowawayWiki } from '../../support/throwaway-wiki';
import { clinicFixture } from '../../unit/support/clinic-fixture';
import { profileFixture } from '../../unit/support/profile-fixture';

// A wiki of its own, seeded and run in beforeAll: minutes on a loaded 2-core machine (the
// directory test's set-up once took over 180 s next to other work). Time is benched, not tested.
jest.setTimeout(600_000);

const NOW = '2026-11-05T12:00Z';
const CLINIC = clinicPageTitle(DEFAULT_ROOT, '2026-11-20', 'Growth paths');
const PAGE = translationPageTitle(DEFAULT_ROOT, 'de');
const HOSTILE =
  '<script>window.pwned=1</script> {{Vorlage:Spam}} Hallo! Eine Lernklinik zu $1: $2.';
/** Words of the profile template (the label module's), one of them hostile. */
const PROFILE_WORDS = {
  'letsconnect-gadget-card-learn': 'Möchte lernen',
  'letsconnect-gadget-card-languages': '<script>window.pwned=2</script> {{Vorlage:Spam}} Sprachen',
};
const ANNA = profilePageTitle(DEFAULT_ROOT, 'Anna');

const GERMAN = {
  '@metadata': { authors: ['Translator'] },
  'letsconnect-invitation-body': HOSTILE,
  'letsconnect-invitation-heading': "Let's Connect: eine Lernklinik zu $1",
  // $3 (the sign-up link) is missing: refused, English instead.
  'letsconnect-invitation-signup': 'Melde dich an ($1 Plätze; $2 Tage).',
  'letsconnect-not-a-key': 'x',
  ...PROFILE_WORDS,
};

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
let botClient: MwnWikiClient;
let translator: string;
let visitor: string;
/** Anna's profile page as a German reader saw it before the bot's first run. */
let profileBeforeRun: string;

/** A page's HTML as the wiki renders it now (no parser cache) for a reader in `language`. */
async function renderedHtml(title: string, language: string): Promise<string> {
  const html = (await botClient.request({
    action: 'parse',
    title,
    text: await text(title),
    contentmodel: 'wikitext',
    prop: 'text',
    uselang: language,
  })) as { parse: { text: string } };
  return html.parse.text;
}

async function text(title: string): Promise<string> {
  const [page] = await botClient.readPages([title]);
  return page?.exists ? (page.content ?? '') : '';
}

const bot = (args: string[]) => runBotOk(args, stack.env);

beforeAll(async () => {
  stack = await startThrowawayWiki(8151);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const creds = readCredentials(stack.wiki);
  translator = creds.LETSCONNECT_USER1_NAME;
  const organiser = creds.LETSCONNECT_USER2_NAME;
  importPages(stack.wiki, [
    {
      title: ANNA,
      user: 'Anna',
      content: `${serialiseRecord(
        profileCodec,
        profileFixture({
          username: 'Anna',
          languages: [{ code: 'de', level: 'N' }],
          learn: ['growth-paths'],
          formats: ['clinic-participant'],
          timezone: 'Europe/Berlin',
        }),
      )}\n`,
    },
    {
      title: workingGroupPageTitle(DEFAULT_ROOT),
      user: 'Admin',
      content: `${serialiseRecord(memberCodec, { username: organiser, role: 'working-group', region: '', languages: [], since: '' })}\n`,
    },
    {
      title: CLINIC,
      user: organiser,
      content: `${serialiseRecord(clinicCodec, clinicFixture({ sessions: ['2026-11-20T14:00Z'], sharers: [organiser] }))}\n`,
    },
    { title: PAGE, user: translator, content: JSON.stringify(GERMAN, null, 2) },
  ]);
  const vandal = { ...GERMAN, 'letsconnect-invitation-heading': 'VANDALISED $1' };
  visitor = (await anonymousEdit(stack.wiki.server, PAGE, JSON.stringify(vandal))).user;
  botClient = await MwnWikiClient.connect({
    apiUrl: stack.wiki.apiUrl,
    username: creds.LETSCONNECT_BOT_USERNAME,
    password: creds.LETSCONNECT_BOT_PASSWORD,
    assert: 'user',
    writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
    userAgent: 'LetsConnectTests/0.1 (translations test)',
  });
  profileBeforeRun = await renderedPageText(stack.wiki.apiUrl, ANNA, 'de');
  await bot(['directory', '--now', NOW]);
});

afterAll(async () => {
  await stack?.stop();
});

describe('translations by the community', () => {
  it("publishes what passed from the named account's version, not the visitor's", async () => {
    const doc = readDocument(
      await text(publishedTranslationsTitle(DEFAULT_BOT_NAME, 'de')),
      'translations',
    ).document;
    expect(new Map(doc?.messages.map((m) => [m.key, m.text]))).toEqual(
      new Map([
        ['letsconnect-invitation-body', HOSTILE],
        ['letsconnect-invitation-heading', GERMAN['letsconnect-invitation-heading']],
        ...Object.entries(PROFILE_WORDS),
      ]),
    );
  });

  it('lists the broken key, the unknown key, the passed-over edit and what is missing on R/Maintenance', async () => {
    const maintenance = await text(maintenancePageTitle(DEFAULT_ROOT));
    const rows = maintenance.split('\n|-\n').filter((r) => r.includes('Translations/de.json'));
    const all = rows.join('\n');
    expect(all).toContain('letsconnect-invitation-signup');
    expect(all).toMatch(/placeholders \$1 \$2 \$3.*it has \$1 \$2/);
    expect(all).toContain('letsconnect-not-a-key');
    expect(all).toContain(visitor.replace(/~/g, '&#126;'));
    expect(all).toMatch(/\d+ messages are not translated yet/);
  });

  it("writes a German speaker's invitation with the translation, as text", async () => {
    await bot(['clinics', '--now', NOW]);
    const talk = await text('User talk:Anna');
    expect(talk).toContain("== Let's Connect: eine Lernklinik zu");
    expect(talk).toContain('Hallo! Eine Lernklinik zu');
    expect(talk).not.toContain('VANDALISED');
    // The refused key falls back to English, with its link.
    expect(talk).toContain("|sign up on the clinic's page]]");
    const html = (await botClient.request({
      action: 'parse',
      page: 'User talk:Anna',
      prop: 'text',
    })) as { parse: { text: string } };
    // As the browser shows it: numeric references are characters; &lt; stays text.
    const shown = html.parse.text.replace(/&#(\d+);/g, (_, n: string) =>
      String.fromCodePoint(Number(n)),
    );
    expect(shown).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt; {{Vorlage:Spam}} Hallo!');
    expect(html.parse.text).not.toContain('<script>');
    expect(html.parse.text).not.toContain('Template:Spam');
  });

  it("shows the template's words from the translation after the bot's run, as text", async () => {
    expect(profileBeforeRun).toContain('Wants to learn');
    expect(profileBeforeRun).not.toContain('Möchte lernen');
    const shown = await renderedPageText(stack.wiki.apiUrl, ANNA, 'de');
    expect(shown).toContain('Möchte lernen');
    expect(shown).not.toContain('Wants to learn');
    // The hostile word is shown as written: characters, not a script or a transclusion.
    expect(shown).toContain(PROFILE_WORDS['letsconnect-gadget-card-languages']);
    const html = await renderedHtml(ANNA, 'de');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('Template:Spam');
    // Other readers keep their words: English per key.
    expect(await renderedPageText(stack.wiki.apiUrl, ANNA, 'en')).toContain('Wants to learn');
  });
});
