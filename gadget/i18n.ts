import { checkTranslations } from '../shared/i18n/community';

/** Message files bundled into the gadget, keyed by language code (qqq excluded). */
export type MessageBundle = Record<string, Record<string, string>>;

/**
 * The messages for a reader: each key from the first language in `chain` that has it
 * (the user's language, then MediaWiki's fallbacks for it, then English).
 */
export function messagesFor(
  bundle: MessageBundle,
  chain: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const languages = [...chain, 'en'];
  for (let i = languages.length - 1; i >= 0; i--) {
    const messages = bundle[languages[i]!];
    if (!messages) continue;
    for (const [key, value] of Object.entries(messages)) {
      if (key !== '@metadata') out[key] = value;
    }
  }
  return out;
}

/**
 * The bundle with the community's translations (`User:<bot>/Translations/<code>.json`, as the
 * bot accepted them) over the repository's, key by key. Checked again against the English
 * the gadget ships, which may be newer than the bot's: a key whose placeholders no longer
 * match falls back. The texts stay text: views show messages as text, never as HTML.
 */
export function withCommunity(
  bundle: MessageBundle,
  community: Readonly<Record<string, Record<string, string>>>,
): MessageBundle {
  const out: MessageBundle = { ...bundle };
  const english = bundle.en ?? {};
  for (const [language, messages] of Object.entries(community)) {
    if (language === 'en') continue;
    const checked = checkTranslations(JSON.stringify(messages), english).messages;
    out[language] = { ...(out[language] ?? {}), ...checked };
  }
  return out;
}
