/**
 * Names and times from the browser's Intl data, in the reader's language: no message
 * needed for every language or country, and times in the reader's own time zone.
 */

function displayNames(language: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([language, 'en'], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

const cache = new Map<string, Intl.DisplayNames | null>();

function names(language: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  const key = `${language}|${type}`;
  if (!cache.has(key)) cache.set(key, displayNames(language, type));
  return cache.get(key) ?? null;
}

/**
 * Languages offered in the language menus (the profile form, the clinic form): those of the
 * program's pages and of its largest communities. A language already chosen, or the reader's
 * own, is always offered too.
 */
export const COMMON_LANGUAGES = (
  'am ar az bn ca cs de el en es eu fa fr gu ha he hi hy id ig it ja ka kk km kn ko ln mg ml ' +
  'mr ms ne nl or pa pl pt qu ro ru sq sr sv sw ta te th tl tn tr tw uk ur uz vi wo yo zh zu'
).split(' ');

/** "Spanish" for `es` in English, "espagnol" in French; the code itself when unknown. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return names(uiLanguage, 'language')?.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryName(code: string, uiLanguage: string): string {
  try {
    return names(uiLanguage, 'region')?.of(code) ?? code;
  } catch {
    return code;
  }
}

// Building a DateTimeFormat costs far more than using one: cards re-render on every keystroke.
const timeFormats = new Map<string, Intl.DateTimeFormat | null>();

/** The wall-clock time now in `zone`, written the reader's way ("14:05", "2:05 PM"). */
export function timeIn(zone: string, now: Date, uiLanguage: string): string | null {
  const key = `${uiLanguage}|${zone}`;
  if (!timeFormats.has(key)) {
    try {
      const format = { timeZone: zone, hour: 'numeric', minute: '2-digit' } as const;
      timeFormats.set(key, new Intl.DateTimeFormat(uiLanguage, format));
    } catch {
      timeFormats.set(key, null);
    }
  }
  return timeFormats.get(key)?.format(now) ?? null;
}

/** A date or time from the data (UTC), shown in the reader's own time zone and language. */
export function readerDate(iso: string, uiLanguage: string, withTime = false): string {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) return iso;
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'medium', timeStyle: 'short' }
    : { dateStyle: 'medium', ...(iso.length === 10 ? { timeZone: 'UTC' } : {}) };
  try {
    return new Intl.DateTimeFormat(uiLanguage, options).format(ms);
  } catch {
    return iso;
  }
}

/** The browser's own time zone, the form's default. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/** Every IANA time zone the browser knows (a short list when it cannot say). */
export function knownTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    const zones = intl.supportedValuesOf?.('timeZone');
    if (zones && zones.length > 0) return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    // fall through
  }
  return ['UTC'];
}

/**
 * ISO 3166-1 alpha-2 codes with their names in the reader's language: every two-letter code
 * the browser can name (no list of countries to ship or translate).
 */
export function countryCodes(uiLanguage: string): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  const A = 65;
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = countryName(code, uiLanguage);
      // Unknown codes come back as themselves; user-assigned ones (XA…, QM…) are not countries.
      if (name !== code && !/^(X|Q[M-Z]|AA|ZZ|EU|EZ|UN)/.test(code))
        out.push({ value: code, label: name });
    }
  }
  return out.sort((a, b) => a.label.localeCompare(b.label, uiLanguage));
}

/** "Ana, Ben and Chen" the reader's way (a comma list where the browser cannot say). */
export function listOf(items: readonly string[], uiLanguage: string): string {
  try {
    return new Intl.ListFormat(uiLanguage, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
