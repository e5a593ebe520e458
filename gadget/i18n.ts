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
