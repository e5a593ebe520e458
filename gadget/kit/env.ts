/**
 * What every view needs from its surroundings, provided once by the entry point (from `mw`)
 * or by a test (from fakes): message text, the reader's languages, links, the clock, the reader.
 */
import { inject, type InjectionKey } from 'vue';
import type { Problem } from '../../shared/problems';
import type { MessageLookup } from '../../shared/taxonomy/taxonomy';
import type { Reader } from './reader';

/** Turns a message key into the reader's text (mw.message in the wiki, a fake in tests). */
export type Translate = (key: string, ...params: string[]) => string;

export interface GadgetEnv {
  t: Translate;
  /** The reader's interface language, then its fallbacks (most preferred first). */
  languages: readonly string[];
  /** A link to a wiki page, with optional query parameters (mw.util.getUrl in the wiki). */
  url: (title: string, query?: Record<string, string>) => string;
  /** The current time (a fixed one in tests, so local times are predictable). */
  now: () => Date;
  /** Who is reading (see reader.ts): a temporary account is logged out, and told why. */
  reader: Reader;
}

export const ENV: InjectionKey<GadgetEnv> = Symbol('letsconnect-env');

export function useEnv(): GadgetEnv {
  const env = inject(ENV);
  if (!env) throw new Error('GadgetEnv not provided');
  return env;
}

/** mw.message shows a missing key as ⧼key⧽: that means "no such message" for lookups. */
export function messageLookup(t: Translate): MessageLookup {
  return (key) => {
    const text = t(key);
    return text === `⧼${key}⧽` || text === key ? null : text;
  };
}

/**
 * A shared-code problem in the reader's words. Problems name the wiki parameter ($1); in the
 * form the field's own label reads better, so it replaces the parameter name.
 */
export function problemText(t: Translate, p: Problem, fieldLabel?: string): string {
  const params = p.params.map(String);
  if (fieldLabel !== undefined && params[0] === p.field) params[0] = fieldLabel;
  return t(p.key, ...params);
}
