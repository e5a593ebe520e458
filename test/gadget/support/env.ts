/**
 * The gadget's surroundings for component tests: English messages from shared/i18n (so a
 * missing key shows as ⧼key⧽ and tests can catch it), a fixed clock and plain links.
 */
import en from '../../../shared/i18n/en.json';
import { ENV, LOGGED_OUT, type GadgetEnv, type Translate } from '../../../gadget/kit';

const messages = en as unknown as Record<string, string>;

/** $1… substitution and {{PLURAL:$n|one|other}} for English, as mw.message().text() does. */
export const t: Translate = (key, ...params) => {
  const text = messages[key];
  if (text === undefined) return `⧼${key}⧽`;
  const withParams = text.replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? `$${n}`);
  return withParams.replace(
    /\{\{PLURAL:([^|]*)\|([^|}]*)\|?([^}]*)\}\}/g,
    (_, n: string, one: string, other: string) => (Number(n) === 1 ? one : other || one),
  );
};

export const NOW = new Date('2025-06-01T12:00:00Z');

export function testEnv(over: Partial<GadgetEnv> = {}): GadgetEnv {
  return {
    t,
    languages: ['en'],
    url: (title, query) => {
      const q = query ? `?${new URLSearchParams(query).toString()}` : '';
      return `/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}${q}`;
    },
    now: () => NOW,
    reader: LOGGED_OUT,
    ...over,
  };
}

/** Mount options providing the environment. */
export function withEnv(over: Partial<GadgetEnv> = {}) {
  return { global: { provide: { [ENV as symbol]: testEnv(over) } } };
}
