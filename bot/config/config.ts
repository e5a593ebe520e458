import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../../shared/program';
import { LANGUAGE_CODE } from '../../shared/records/vocabulary';

/**
 * The bot's settings. Each comes from the first source that sets it, in this order:
 *   1. the command line (--api-url, --root, --dry-run, --verbose)
 *   2. the environment (LETSCONNECT_API_URL, LETSCONNECT_ROOT, LETSCONNECT_SCHEDULE, ...)
 *   3. the configuration file (--config <file.json>)
 *   4. the on-wiki configuration page, User:<bot>/config.json (only the bot and interface
 *      administrators can edit a user's JSON pages, so it cannot be tampered with)
 *   5. the defaults below.
 * Credentials are never read from files: only from the environment.
 */
export interface BotConfig {
  apiUrl: string;
  root: string;
  botName: string;
  /** Contact for the User-Agent (Wikimedia's User-Agent policy). */
  contact: string;
  dryRun: boolean;
  verbose: boolean;
  /** When `schedule` runs the tasks: a cron expression (UTC). */
  schedule: string;
  /** Leave a note on a participant's talk page when their profile has a problem (once per problem). */
  talkPageNotes: boolean;
  /** The Capacity Exchange's API, read for people who opted in; '' turns it off. */
  capxUrl: string;
  /** letsconn (the earlier directory), read by `earlier-records`; '' turns it off. */
  letsconnUrl: string;
  /**
   * The interpretation languages of the rounds the bot matches (codes, e.g. the pilot
   * clinics' es, ar, fr, pt; add en to bridge to English). Empty: off. With some, a learner
   * and a sharer without a common language may be paired when each speaks one of them;
   * such a proposal is flagged on the round page and in its introduction.
   */
  interpretation: string[];
  /** Invite only to clinics whose first session is at most this many days ahead. */
  invitationHorizonDays: number;
  /** Remind a clinic's people when their session is this many hours ahead: "from-to". */
  reminderHours: string;
  /**
   * Where the calendar feed (`letsconnect-bot feed`) answers, e.g. the operator's Toolforge
   * tool `https://<tool>.toolforge.org`; the gadget offers its subscriptions. '' : none runs.
   */
  feedUrl: string;
  /**
   * Where runs keep the lock that keeps two of them from overlapping (bot/run-lock.ts): a
   * directory every run can reach (on Toolforge the tool's home, which all its jobs share).
   * A setting of the machine, so never read from the on-wiki configuration page.
   */
  lockDir: string;
  /** How long a run waits for another run on the same wiki to finish before giving up. */
  lockWaitMinutes: number;
}

/** Settings of the machine the bot runs on: the on-wiki configuration page may not set them. */
const MACHINE_SETTINGS: ReadonlyArray<keyof BotConfig> = ['lockDir', 'lockWaitMinutes'];

/** What the on-wiki configuration page (`title`) sets that only the machine may. */
export function machineSettingsOnWiki(values: ConfigSource, title: string): string[] {
  return MACHINE_SETTINGS.filter((key) => values[key] !== undefined).map(
    (key) =>
      `${key} (in ${title}) is a setting of the machine the bot runs on: set it on the command line, in the environment or in the --config file.`,
  );
}

export type ConfigSource = Partial<Record<keyof BotConfig, unknown>>;

export const DEFAULTS: Omit<BotConfig, 'apiUrl'> = {
  root: DEFAULT_ROOT,
  botName: DEFAULT_BOT_NAME,
  contact: '',
  dryRun: false,
  verbose: false,
  schedule: '17 */6 * * *',
  talkPageNotes: false,
  capxUrl: 'https://capx-backend.toolforge.org',
  letsconnUrl: 'https://letsconn.toolforge.org',
  interpretation: [],
  // Six weeks: far enough to plan for, near enough to remember (the demo invited people to
  // clinics ten months ahead, and they forgot).
  invitationHorizonDays: 42,
  // A day or two ahead: late enough to be remembered, early enough to cancel and free the place.
  reminderHours: '24-48',
  // No feed until the operator starts one and says where (docs/operator.md).
  feedUrl: '',
  lockDir: os.tmpdir(),
  // Longer than a scheduled run usually takes, far shorter than the six hours between runs.
  lockWaitMinutes: 10,
};

/** Environment variable for each setting. */
export const ENV_NAMES: Record<keyof BotConfig, string> = {
  apiUrl: 'LETSCONNECT_API_URL',
  root: 'LETSCONNECT_ROOT',
  botName: 'LETSCONNECT_BOT_NAME',
  contact: 'LETSCONNECT_CONTACT',
  dryRun: 'LETSCONNECT_DRY_RUN',
  verbose: 'LETSCONNECT_VERBOSE',
  schedule: 'LETSCONNECT_SCHEDULE',
  talkPageNotes: 'LETSCONNECT_TALK_PAGE_NOTES',
  capxUrl: 'LETSCONNECT_CAPX_URL',
  letsconnUrl: 'LETSCONNECT_LETSCONN_URL',
  interpretation: 'LETSCONNECT_INTERPRETATION',
  invitationHorizonDays: 'LETSCONNECT_INVITATION_HORIZON_DAYS',
  reminderHours: 'LETSCONNECT_REMINDER_HOURS',
  feedUrl: 'LETSCONNECT_FEED_URL',
  lockDir: 'LETSCONNECT_LOCK_DIR',
  lockWaitMinutes: 'LETSCONNECT_LOCK_WAIT_MINUTES',
};

export function fromEnvironment(env: NodeJS.ProcessEnv): ConfigSource {
  const out: ConfigSource = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof BotConfig, string][]) {
    const value = env[name];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

/** A cron expression of five fields (six with seconds first); node-cron checks the values. */
const CRON = /^(\S+\s+){4,5}\S+$/;

/**
 * Merges the sources (first wins) over the defaults and checks every value, reporting every
 * problem at once with the setting's name and where it came from.
 */
export interface ConfigSourceEntry {
  /** Where the values came from, as the operator knows it ("the environment"). */
  name: string;
  values: ConfigSource;
  /** How the operator spells a setting there (--api-url, LETSCONNECT_API_URL); default: its key. */
  label?: (key: keyof BotConfig) => string;
}

/** The command line spells settings as options: apiUrl → --api-url. */
export const cliLabel = (key: keyof BotConfig): string =>
  `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
export const envLabel = (key: keyof BotConfig): string => ENV_NAMES[key];

export function resolveConfig(sources: ConfigSourceEntry[]): {
  config?: BotConfig;
  problems: string[];
} {
  const problems: string[] = [];
  // `from` names the setting as the operator wrote it, and where.
  const pick = (key: keyof BotConfig): { value: unknown; from: string } | undefined => {
    for (const source of sources) {
      if (source.values[key] !== undefined) {
        return {
          value: source.values[key],
          from: `${source.label?.(key) ?? key} (from ${source.name})`,
        };
      }
    }
    return undefined;
  };
  const text = (
    key: keyof BotConfig,
    fallback: string | undefined,
    check?: (v: string) => string | null,
  ): string | undefined => {
    const got = pick(key);
    if (!got) return fallback;
    if (typeof got.value !== 'string') {
      problems.push(`${got.from} must be text.`);
      return fallback;
    }
    const problem = check?.(got.value.trim());
    if (problem) problems.push(`${got.from} ${problem}`);
    return got.value.trim();
  };
  const flag = (key: keyof BotConfig, fallback: boolean): boolean => {
    const got = pick(key);
    if (!got) return fallback;
    if (typeof got.value === 'boolean') return got.value;
    const word = BOOLEAN_WORDS[String(got.value).toLowerCase()];
    if (word === undefined)
      problems.push(`${got.from} must be true or false, got "${String(got.value)}".`);
    return word ?? fallback;
  };

  const apiUrl = text('apiUrl', undefined, (v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'http:' || url.protocol === 'https:'
        ? null
        : 'must be an http(s) URL.';
    } catch {
      return `is not a URL: "${v}".`;
    }
  });
  if (apiUrl === undefined)
    problems.push('apiUrl is not set: pass --api-url or set LETSCONNECT_API_URL.');
  const root = text('root', DEFAULTS.root, (v) =>
    v && !v.includes('|') && !v.includes('#') ? null : `is not a page title: "${v}".`,
  );
  const botName = text('botName', DEFAULTS.botName, (v) =>
    v && !/[@:|#/]/.test(v) ? null : `is not a user name: "${v}".`,
  );
  const contact = text('contact', DEFAULTS.contact);
  const serviceUrl = (v: string) => {
    if (v === '') return null;
    try {
      return /^https?:$/.test(new URL(v).protocol) ? null : 'must be an http(s) URL.';
    } catch {
      return `is not a URL: "${v}".`;
    }
  };
  const capxUrl = text('capxUrl', DEFAULTS.capxUrl, serviceUrl);
  const letsconnUrl = text('letsconnUrl', DEFAULTS.letsconnUrl, serviceUrl);
  const feedUrl = text('feedUrl', DEFAULTS.feedUrl, serviceUrl);
  const schedule = text('schedule', DEFAULTS.schedule, (v) =>
    CRON.test(v)
      ? null
      : `must be a cron expression with five fields (or six, with seconds), got "${v}".`,
  );
  const interpretation = (() => {
    const got = pick('interpretation');
    if (!got) return DEFAULTS.interpretation;
    const list = Array.isArray(got.value)
      ? got.value.map(String)
      : typeof got.value === 'string'
        ? got.value.split(',')
        : null;
    const codes = (list ?? []).map((c) => c.trim().toLowerCase()).filter(Boolean);
    const bad = codes.filter((c) => !LANGUAGE_CODE.test(c));
    if (list === null || bad.length > 0)
      problems.push(
        `${got.from} must be language codes separated by commas (e.g. "es,ar,fr,pt")${bad.length > 0 ? `, not "${bad.join('", "')}"` : ''}.`,
      );
    return [...new Set(codes.filter((c) => LANGUAGE_CODE.test(c)))];
  })();
  const wholeNumber = (key: keyof BotConfig, fallback: number, max: number): number => {
    const got = pick(key);
    if (!got) return fallback;
    const v = String(got.value).trim();
    if (/^\d{1,6}$/.test(v) && Number(v) >= 1 && Number(v) <= max) return Number(v);
    problems.push(`${got.from} must be a whole number from 1 to ${max}, got "${v}".`);
    return fallback;
  };
  const reminderHours = text('reminderHours', DEFAULTS.reminderHours, (v) =>
    parseHourWindow(v) ? null : `must be two numbers of hours, "from-to" (e.g. 24-48), got "${v}".`,
  );
  const lockDir = text('lockDir', DEFAULTS.lockDir, (v) =>
    path.isAbsolute(v) ? null : `must be an absolute directory path, got "${v}".`,
  );
  const lockWaitMinutes = (() => {
    const got = pick('lockWaitMinutes');
    if (!got) return DEFAULTS.lockWaitMinutes;
    const v = String(got.value).trim();
    if (/^\d{1,4}$/.test(v) && Number(v) <= 1440) return Number(v);
    problems.push(`${got.from} must be a whole number of minutes from 0 to 1440, got "${v}".`);
    return DEFAULTS.lockWaitMinutes;
  })();
  const config: BotConfig = {
    apiUrl: apiUrl ?? '',
    root: root ?? DEFAULTS.root,
    botName: botName ?? DEFAULTS.botName,
    contact: contact || `User:${botName ?? DEFAULTS.botName}`,
    dryRun: flag('dryRun', DEFAULTS.dryRun),
    verbose: flag('verbose', DEFAULTS.verbose),
    schedule: schedule ?? DEFAULTS.schedule,
    talkPageNotes: flag('talkPageNotes', DEFAULTS.talkPageNotes),
    capxUrl: capxUrl ?? DEFAULTS.capxUrl,
    letsconnUrl: letsconnUrl ?? DEFAULTS.letsconnUrl,
    interpretation,
    invitationHorizonDays: wholeNumber(
      'invitationHorizonDays',
      DEFAULTS.invitationHorizonDays,
      999,
    ),
    reminderHours: reminderHours ?? DEFAULTS.reminderHours,
    feedUrl: (feedUrl ?? DEFAULTS.feedUrl).replace(/\/+$/, ''),
    lockDir: lockDir ?? DEFAULTS.lockDir,
    lockWaitMinutes,
  };
  return problems.length > 0 ? { problems } : { config, problems };
}

/** "24-48" → { fromHours: 24, toHours: 48 }; null unless 0 ≤ from < to ≤ 720. */
export function parseHourWindow(text: string): { fromHours: number; toHours: number } | null {
  const m = /^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$/.exec(text);
  if (!m) return null;
  const fromHours = Number(m[1]);
  const toHours = Number(m[2]);
  return fromHours < toHours && toHours <= 720 ? { fromHours, toHours } : null;
}

/** Parses a configuration file's or page's JSON; unknown keys are problems, not silently ignored. */
export function parseConfigJson(
  text: string,
  from: string,
): { values: ConfigSource; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { values: {}, problems: [`${from} is not valid JSON: ${(err as Error).message}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { values: {}, problems: [`${from} must hold a JSON object.`] };
  }
  const problems: string[] = [];
  const values: ConfigSource = {};
  const known = new Set(Object.keys(ENV_NAMES));
  for (const [key, value] of Object.entries(data)) {
    if (key === 'version' || key === '$schema' || key.startsWith('//')) continue;
    if (!known.has(key))
      problems.push(`${from}: unknown setting "${key}" (known: ${[...known].join(', ')}).`);
    else values[key as keyof BotConfig] = value;
  }
  return { values, problems };
}
