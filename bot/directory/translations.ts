/**
 * The community's translations (`R/Translations/<code>.json`, see shared/i18n/community.ts):
 * the newest revision of each page by a named account is checked key by key, what passes is
 * published as `User:<bot>/Translations/<code>.json` for the gadget and the bot's own pages,
 * and what does not (and every edit passed over) is listed on R/Maintenance. Edits by
 * temporary accounts and IP addresses never count: anyone may translate, but only under a
 * name the community can talk to, revert and block.
 */
import { SCHEMA_VERSION, type Translations } from '../../shared/documents/documents';
import { isNamedAuthor } from '../../shared/accounts';
import {
  checkTranslations,
  namedTranslations,
  type NamedTranslations,
  MISSING_EXAMPLES,
  translationProblemMessage,
} from '../../shared/i18n/community';
import {
  publishedTranslationsPrefix,
  publishedTranslationsTitle,
  translationLanguageFromTitle,
  translationPageTitle,
  translationsPrefix,
} from '../../shared/pages';
import { problem, type Problem } from '../../shared/problems';
import type { PageRevision } from '../../shared/wiki-client';
import { generatedStamp } from '../connections/rounds';
import { repositoryMessages, useCommunityTranslations } from '../i18n';
import type { RunContext } from '../run-context';
import { documentOn, documentText } from '../wiki/documents-io';
import { pageHistory } from './trust';

export interface TranslationsCheck {
  /** Problems by community page, for R/Maintenance. */
  problems: Array<{ title: string; problems: Problem[] }>;
  /** Accepted messages by language. */
  accepted: Map<string, Record<string, string>>;
}

async function pagesUnder(ctx: RunContext, prefixTitle: string): Promise<string[]> {
  const prefix = new ctx.client.bot.Title(prefixTitle);
  return ctx.client.listPages(prefix.getNamespaceId(), prefix.getMainText());
}

/**
 * What named accounts wrote on the page, key by key (shared/i18n/community.ts). The history
 * is read with content only when someone unnamed edited the page.
 */
async function namedText(
  ctx: RunContext,
  page: PageRevision,
  patterns: readonly string[],
): Promise<NamedTranslations> {
  const authors = await pageHistory(ctx.client, page.title, false);
  if (authors.every((rev) => isNamedAuthor(rev.user, patterns)))
    return { text: page.content ?? '', revid: page.revid ?? 0, passedOver: [] };
  return namedTranslations(await pageHistory(ctx.client, page.title, true), patterns);
}

/**
 * Reads and checks every language's page, publishes what passed (and empties the published
 * document of a language whose page is gone), and makes this run's messages use it.
 */
export async function checkCommunityTranslations(ctx: RunContext): Promise<TranslationsCheck> {
  const { root, botName } = ctx.config;
  const english = repositoryMessages('en');
  const patterns = await ctx.client.temporaryAccountPatterns();
  const titles = await pagesUnder(ctx, translationsPrefix(root));
  const pages = titles.length > 0 ? await ctx.client.readPages(titles) : [];
  const problems: TranslationsCheck['problems'] = [];
  const accepted = new Map<string, Record<string, string>>();
  const documents: Translations[] = [];
  const generated = generatedStamp(ctx);
  for (const page of pages) {
    if (!page.exists) continue;
    const language = translationLanguageFromTitle(root, page.title);
    if (language === null || language === 'en' || language === 'qqq') {
      const example = translationPageTitle(root, 'de');
      problems.push({
        title: page.title,
        problems: [problem('', 'letsconnect-translations-problem-title', [example])],
      });
      continue;
    }
    const source = await namedText(ctx, page, patterns);
    const found: Problem[] = [];
    if (source.passedOver.length > 0)
      found.push(
        problem(
          '',
          'letsconnect-translations-problem-passed-over',
          [source.passedOver.join(', ')],
          'warning',
        ),
      );
    const own = new Set(Object.keys(repositoryMessages(language)));
    const checked = checkTranslations(source.text, english, own);
    for (const p of checked.problems) {
      const { key, params } = translationProblemMessage(p);
      found.push(problem('', key, params));
    }
    if (checked.missing.length > 0) {
      const examples = checked.missing.slice(0, MISSING_EXAMPLES).join(', ');
      found.push(
        problem(
          '',
          'letsconnect-translations-problem-missing',
          [checked.missing.length, examples],
          'warning',
        ),
      );
    }
    problems.push({ title: page.title, problems: found });
    accepted.set(language, checked.messages);
    documents.push({
      schemaVersion: SCHEMA_VERSION,
      kind: 'translations',
      generated,
      language,
      source: page.title,
      revid: source.revid,
      messages: Object.entries(checked.messages).map(([key, text]) => ({ key, text })),
    });
  }
  // A language whose page was deleted or renamed: its published messages go too.
  for (const title of await pagesUnder(ctx, publishedTranslationsPrefix(botName))) {
    const language = /\/Translations\/([^/]+)\.json$/.exec(title)?.[1];
    if (!language || accepted.has(language)) continue;
    documents.push({
      schemaVersion: SCHEMA_VERSION,
      kind: 'translations',
      generated,
      language,
      source: translationPageTitle(root, language),
      revid: 0,
      messages: [],
    });
  }
  await ctx.editor.editMany(
    documents.map((doc) => ({
      title: publishedTranslationsTitle(botName, doc.language),
      transform: (current: PageRevision) => documentText(doc, current),
    })),
    ctx.t('letsconnect-bot-summary-translations', documents.length),
  );
  useCommunityTranslations(accepted);
  return { problems, accepted };
}

/** At the start of a run: the translations the bot published last time, for its messages. */
export async function loadPublishedTranslations(ctx: RunContext): Promise<void> {
  const titles = await pagesUnder(ctx, publishedTranslationsPrefix(ctx.config.botName));
  const byLanguage = new Map<string, Record<string, string>>();
  if (titles.length > 0) {
    for (const page of await ctx.client.readPages(titles)) {
      const doc = documentOn(page, 'translations');
      if (!doc || doc.messages.length === 0) continue;
      // Checked again: English may have changed since (a message's parameters, say).
      const text = JSON.stringify(Object.fromEntries(doc.messages.map((m) => [m.key, m.text])));
      byLanguage.set(doc.language, checkTranslations(text, repositoryMessages('en')).messages);
    }
  }
  useCommunityTranslations(byLanguage);
}
