/**
 * Temporary accounts (issue 13 §1): the sample program on a wiki of its own, then a visitor
 * edits logged out (the wiki makes it a `~2026-…` temporary account, see
 * scripts/wiki/anonymous-edit.ts) and writes, as that account, every kind of input the
 * program takes: its profile (listed), a sign-up for an open clinic, feedback on a past one,
 * an outcome report for the sample round, a resource on R/Resources naming itself, and a
 * review on the round page. Each write carries a marker in its free text. Then the bot's
 * whole `run`, and two counts:
 * - writes accepted: pages the bot wrote that name the account or carry one of its markers
 *   (every bot page but R/Maintenance and the resource index's "Not listed" section, where the
 *   working group is told about refused input, the directory's own state document, and the
 *   account's talk page, which is the other count);
 * - messages: revisions the bot made on the account's user talk page.
 */
import {
  clinicFeedbackTitle,
  clinicSignupTitle,
  directoryStateTitle,
  maintenancePageTitle,
  outcomesPageTitle,
  parseClinicTitle,
  profilePageTitle,
  resourcesPageTitle,
  roundFromTitle,
} from '../../shared/pages';
import { botMessages } from '../../bot/i18n';
import { pageMessage } from '../../shared/labels/labels';
import { upsertOutcome } from '../../shared/connections/outcomes';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { clinicCodec, feedbackCodec, signupCodec } from '../../shared/records/clinic';
import { parseRecords, serialiseRecord } from '../../shared/records/codec';
import { profileCodec, type Profile } from '../../shared/records/profile';
import { proposalCodec } from '../../shared/records/proposal';
import { resourceCodec } from '../../shared/records/resource';
import { visitorSession } from '../wiki/anonymous-edit';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { startStack, type WikiStack } from './wiki-stack';

/** The free-text marker each of the account's writes carries, by kind of write. */
export const MARKERS = {
  profile: 'TempAccountMarkProfile',
  feedback: 'TempAccountMarkFeedback',
  outcome: 'TempAccountMarkOutcome',
  resource: 'TempAccountMarkResource',
  review: 'TempAccountMarkReview',
} as const;

export interface TemporaryAccountsResult {
  /** The temporary account the wiki made for the visitor. */
  account: string;
  /** The account's writes, each saved under its name: kind and page. */
  tried: Array<{ kind: string; title: string }>;
  /** Pages the bot wrote that name the account or carry a marker. */
  accepted: string[];
  /** Revisions by the bot on the account's user talk page. */
  messages: number;
  /** Pages the bot wrote (after seeding), all kinds. */
  pagesWritten: number;
  botExit: number;
}

/** `text` as a reader sees it: HTML entities and percent-encoding of `~` undone. */
function plain(text: string): string {
  return text.replace(/&#(?:126|x7e);|%7e|\\u007e/gi, '~');
}

/**
 * Whether `text` names `account` (not merely a longer name it begins, `~2026-1` in
 * `~2026-12`) or carries one of `markers`.
 */
export function mentionsAccount(
  text: string,
  account: string,
  markers: readonly string[] = Object.values(MARKERS),
): boolean {
  const t = plain(text);
  const name = new RegExp(`${account.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`);
  return name.test(t) || markers.some((m) => t.includes(m));
}

/**
 * `text` without the lists of refused input a bot page may end with (the resource index's
 * "Not listed" section): naming a refused write there is telling the working group, not taking
 * it in.
 */
export function withoutRefusals(text: string): string {
  // The heading as the bot writes it (the label module's message, in the reader's language),
  // or in words (a page read as rendered, or written before the pages used the module).
  const key = 'letsconnect-resource-page-heading-rejected';
  const headings = [`== ${pageMessage(key)} ==`, `== ${botMessages('en').t(key)} ==`];
  const lines = text.split('\n');
  const start = lines.findIndex((l) => headings.includes(l));
  if (start < 0) return text;
  const end = lines.findIndex((l, i) => i > start && /^==[^=].*[^=]==$/.test(l));
  return [...lines.slice(0, start), ...(end < 0 ? [] : lines.slice(end))].join('\n');
}

async function read(stack: WikiStack, title: string): Promise<string> {
  const [page] = await (await stack.admin()).readPages([title]);
  return page?.content ?? '';
}

/** Revisions of `User talk:<account>` made by the bot. */
async function botMessagesTo(stack: WikiStack, account: string): Promise<number> {
  const res = (await (
    await stack.admin()
  ).request({
    action: 'query',
    prop: 'revisions',
    titles: `User talk:${account}`,
    rvprop: 'user',
    rvlimit: 'max',
  })) as { query: { pages: Array<{ revisions?: Array<{ user: string }> }> } };
  return (res.query.pages[0]?.revisions ?? []).filter((r) => r.user === DEFAULT_BOT_NAME).length;
}

export async function runTemporaryAccounts(options: {
  port: number;
  profiles: number;
  log: (line: string) => void;
}): Promise<TemporaryAccountsResult> {
  let model: Profile | undefined;
  /** Open clinics, by date: the account signs up for the first and would be invited to the last. */
  const open: Array<{ title: string; topic: string }> = [];
  let pastClinic = '';
  let round = '';
  const stack = await startStack({
    port: options.port,
    profiles: options.profiles,
    pages: (pages) => {
      model = pages
        .filter((p) => p.title.includes('/Participants/'))
        .map((p) => parseRecords(profileCodec, p.content)[0]!.record)
        .find((p) => p.listed && !p.withdrawn && p.learn.length > 0 && p.share.length > 0);
      for (const p of pages) {
        if (parseClinicTitle(DEFAULT_ROOT, p.title)?.kind !== 'clinic') continue;
        const clinic = parseRecords(clinicCodec, p.content)[0]?.record;
        if (clinic?.status === 'open') open.push({ title: p.title, topic: clinic.topic });
        if (clinic?.status === 'done' && !pastClinic) pastClinic = p.title;
      }
      open.sort((a, b) => (a.title < b.title ? -1 : 1));
      round = pages.find((p) => roundFromTitle(DEFAULT_ROOT, p.title) !== null)?.title ?? '';
      return pages;
    },
  });
  try {
    if (!model || open.length === 0 || !pastClinic || !round) {
      throw new Error('the sample program lacks a profile, an open and a past clinic, or a round');
    }
    // A visitor's first logged-out save makes the temporary account; the rest are its own.
    const visitor = visitorSession();
    const account = (await visitor.edit(stack.wiki.server, 'Sandbox', 'Hello')).user;
    if (!/^~/.test(account)) {
      throw new Error(`the logged-out edit was saved as ${account}, not a temporary account`);
    }
    options.log(`temporary account: ${account}`);
    const stamp = stack.now.slice(0, 16) + 'Z';
    const roundText = await read(stack, round);
    const month = roundFromTitle(DEFAULT_ROOT, round)!;
    const proposals = parseRecords(proposalCodec, roundText).map((p) => p.record);
    const reported = proposals.find((p) => p.status === 'notified') ?? proposals[0]!;
    const reviewed = proposals.find((p) => p.status === 'proposed') ?? proposals[0]!;
    const review = roundText.replace(
      new RegExp(
        `\\| id = ${reviewed.id}\\n((?:\\|(?! status)[^\\n]*\\n)*)(\\| status = [a-z-]+\\n)?`,
      ),
      `| id = ${reviewed.id}\n$1| status = approved\n| reviewer = ${account}\n| note = ${MARKERS.review}\n`,
    );
    if (review === roundText) throw new Error(`could not review ${reviewed.id}`);
    const resources = await read(stack, resourcesPageTitle(DEFAULT_ROOT));
    const topic = model.share[0]!;
    const writes: Array<{ kind: string; title: string; content: string }> = [
      {
        kind: 'profile',
        title: profilePageTitle(DEFAULT_ROOT, account),
        // Wants the last open clinic's topic and clinic invitations: were it trusted, it would
        // be invited there.
        content: `${serialiseRecord(profileCodec, {
          ...model,
          username: account,
          listed: true,
          learn: [...new Set([open.at(-1)!.topic, ...model.learn])],
          formats: [...new Set([...model.formats, 'clinic-participant' as const])],
          about: MARKERS.profile,
        })}\n`,
      },
      {
        kind: 'clinic sign-up',
        title: clinicSignupTitle(open[0]!.title, account),
        content: `${serialiseRecord(signupCodec, { username: account, session: 1, role: 'participant', interpretation: '', signed: stamp, cancelled: '' })}\n`,
      },
      {
        kind: 'clinic feedback',
        title: clinicFeedbackTitle(pastClinic, account),
        content: `${serialiseRecord(feedbackCodec, { username: account, useful: true, rating: 5, comment: MARKERS.feedback, improve: '', wanted: [topic], given: stamp })}\n`,
      },
      {
        kind: 'outcome',
        title: outcomesPageTitle(DEFAULT_ROOT, month, account),
        content: upsertOutcome('', {
          proposal: reported.id,
          reporter: account,
          result: 'met',
          date: `${month}-20`,
          rating: 5,
          comment: MARKERS.outcome,
          public: true,
        }),
      },
      {
        kind: 'resource',
        title: resourcesPageTitle(DEFAULT_ROOT),
        content: `${resources.trimEnd()}\n${serialiseRecord(resourceCodec, {
          title: MARKERS.resource,
          url: 'https://meta.wikimedia.org/wiki/Special:MyLanguage/Learning_patterns',
          page: '',
          kind: 'guide',
          topics: [topic],
          languages: ['en'],
          addedBy: account,
          added: stack.now.slice(0, 10),
          description: '',
        })}\n`,
      },
      { kind: 'review', title: round, content: review },
    ];
    const tried: TemporaryAccountsResult['tried'] = [];
    for (const w of writes) {
      const saved = await visitor.edit(stack.wiki.server, w.title, w.content);
      if (saved.user !== account) {
        throw new Error(`${w.kind} was saved as ${saved.user}, not ${account}`);
      }
      tried.push({ kind: w.kind, title: w.title });
    }

    const bot = await stack.bot(['run', '--now', stack.now]);
    options.log(`bot run exited ${bot.code}`);
    // The account's talk page is the other figure (messages).
    const skipped = (title: string) =>
      title === `User talk:${account}` ||
      title === maintenancePageTitle(DEFAULT_ROOT) ||
      title === directoryStateTitle(DEFAULT_BOT_NAME) ||
      title.startsWith(directoryStateTitle(DEFAULT_BOT_NAME).replace(/\.json$/, '-'));
    const written = (await stack.botWritten()).filter((p) => !skipped(p.title));
    const accepted = [
      ...new Set(
        written
          .filter((p) => mentionsAccount(withoutRefusals(p.text), account))
          .map((p) => p.title),
      ),
    ];
    for (const title of accepted) options.log(`names ${account}: ${title}`);
    const messages = await botMessagesTo(stack, account);
    return {
      account,
      tried,
      accepted,
      messages,
      pagesWritten: new Set(written.map((p) => p.title)).size,
      botExit: bot.code ?? -1,
    };
  } finally {
    await stack.stop();
  }
}

export function temporaryAccountFigures(result: TemporaryAccountsResult): Figure[] {
  return [
    { measure: 'temporary-account writes tried', value: result.tried.length },
    { measure: 'temporary-account writes accepted', value: result.accepted.length, target: 0 },
    { measure: 'messages to temporary accounts', value: result.messages, target: 0 },
  ];
}

export const temporaryAccountsSection: ReliabilitySection = {
  name: 'temporary-accounts',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const result = await runTemporaryAccounts({
      port: Number(process.env.LETSCONNECT_RELIABILITY_TEMP_PORT ?? 8098),
      profiles: options.mode === 'short' ? 12 : 40,
      log: options.log,
    });
    if (result.botExit !== 0) throw new Error(`bot run exited ${result.botExit}`);
    return temporaryAccountFigures(result);
  },
};
