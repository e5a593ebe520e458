/**
 * "Add to my calendar" and "My learning calendar": `.ics` files made in the browser (no
 * request leaves the wiki), from the clinic pages and the reader's profile and sign-ups.
 */
import { clinicEvents } from '../../../shared/calendar/clinic-events';
import { icsCalendar, type IcsEvent } from '../../../shared/calendar/ics';
import { readDocument } from '../../../shared/documents/read-document';
import {
  calendarDataTitle,
  clinicSignupTitle,
  parseClinicTitle,
  profilePageTitle,
} from '../../../shared/pages';
import { parseSingleRecord } from '../../../shared/records/codec';
import { clinicCodec, signupCodec } from '../../../shared/records/clinic';
import { profileCodec } from '../../../shared/records/profile';
import type { WikiClient } from '../../../shared/wiki-client';
import type { PropType } from 'vue';
import { browserTimeZone, canonicalUser, type Translate } from '../../kit';
import { splitNamespace } from './clinic-wiki';

export { clinicEvents };

export function calendarFile(t: Translate, events: readonly IcsEvent[], now: Date): string {
  return icsCalendar(events, { stamp: now, name: t('letsconnect-calendar-name') });
}

/** Built from a string: a `\p{…}` literal is ES2018, newer than the build's ES2017 (scripts/gadget/es2017.ts). */
const UNSAFE_IN_FILE_NAMES = new RegExp('[\\\\/:*?"<>|#%]+|\\p{Cc}+', 'gu');

/** A file name for a clinic's calendar: its page name, safe on every system. */
export function icsFileName(name: string): string {
  const safe = name.replace(UNSAFE_IN_FILE_NAMES, ' ').trim().slice(0, 80);
  return `${safe === '' ? 'clinic' : safe}.ics`;
}

/** Offers `text` as a download (a Blob link, clicked and removed). */
export function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface MyCalendar {
  events: IcsEvent[];
  /** How many clinics it holds (a clinic with two sessions counts once). */
  clinics: number;
}

/**
 * Upcoming clinics (from yesterday on) on a topic the reader wants to learn, and those they
 * signed up for (only their session). One listing of the clinic pages, then their texts.
 */
export async function loadMyCalendar(
  wiki: WikiClient,
  t: Translate,
  root: string,
  username: string,
  namespaceIds: Record<string, number>,
  now: Date,
  absoluteUrl: (title: string) => string,
): Promise<MyCalendar> {
  const me = canonicalUser(username);
  const { namespace, text } = splitNamespace(`${root}/Clinics/`, namespaceIds);
  const listed = await wiki.listPages(namespace, text);
  const since = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const clinicTitles = new Set<string>();
  for (const title of listed) {
    const parsed = parseClinicTitle(root, title.replace(/_/g, ' '));
    if (parsed?.kind === 'clinic' && parsed.date >= since) clinicTitles.add(parsed.clinic);
  }
  const mine = new Set(listed.map((x) => x.replace(/_/g, ' ')));
  const signupTitles = [...clinicTitles]
    .map((c) => clinicSignupTitle(c, me))
    .filter((s) => mine.has(s));
  const profileTitle = profilePageTitle(root, me);
  const pages = await wiki.readPages([profileTitle, ...clinicTitles, ...signupTitles]);
  const textOf = (title: string) =>
    pages.find((p) => p.exists && p.title.replace(/_/g, ' ') === title)?.content ?? '';
  const profile = parseSingleRecord(profileCodec, textOf(profileTitle)).parsed?.record;
  const learn = new Set(profile && !profile.withdrawn ? profile.learn : []);
  const events: IcsEvent[] = [];
  let clinics = 0;
  for (const title of [...clinicTitles].sort()) {
    const clinic = parseSingleRecord(clinicCodec, textOf(title)).parsed?.record;
    if (!clinic || clinic.status === 'cancelled') continue;
    const signup = parseSingleRecord(signupCodec, textOf(clinicSignupTitle(title, me))).parsed
      ?.record;
    const signedUp = signup !== undefined && signup.cancelled === '';
    if (!signedUp && !learn.has(clinic.topic)) continue;
    const only = signedUp && clinic.sessions.length > 1 ? signup.session : null;
    const added = clinicEvents(t, title, clinic, absoluteUrl(title), only);
    if (added.length > 0) clinics++;
    events.push(...added);
  }
  return { events, clinics };
}

/** What both clinic views take for times and calendars (props). */
export const calendarProps = {
  /** The reader's IANA time zone (the browser's). */
  zone: { type: String, default: () => browserTimeZone() },
  /** Offers a file for download (a prop so tests can catch it). */
  download: {
    type: Function as PropType<(name: string, text: string) => void>,
    default: downloadFile,
  },
  /** A page's full address, for the calendar events. */
  absoluteUrl: { type: Function as PropType<(title: string) => string>, required: true },
} as const;

/** The calendar feed's addresses (bot/feed), as the reader's calendar app subscribes to them. */
export interface FeedAddresses {
  program: string;
  /** The reader's own places; '' for a reader with no named account. */
  mine: string;
}

/**
 * The feed's addresses, from the `feedUrl` the bot publishes in `User:<bot>/Calendar.json`
 * (the operator's setting); null when no feed runs. With `?lang=` for a reader not in English.
 */
export async function loadFeedAddresses(
  wiki: WikiClient,
  botName: string,
  username: string | null,
  language: string,
): Promise<FeedAddresses | null> {
  const title = calendarDataTitle(botName);
  const [page] = await wiki.readPages([title]);
  const doc = page?.exists ? readDocument(page.content ?? '', 'calendar').document : null;
  const base = doc?.feedUrl ?? '';
  if (!/^https?:\/\/[^\s]+$/.test(base)) return null;
  const lang = language === 'en' ? '' : `?lang=${encodeURIComponent(language)}`;
  const me = username ? canonicalUser(username).replace(/ /g, '_') : '';
  return {
    program: `${base}/program.ics${lang}`,
    mine: me ? `${base}/person/${encodeURIComponent(me)}.ics${lang}` : '',
  };
}

/** `webcal://…`: the address calendar apps open as a subscription when the link is followed. */
export const webcalUrl = (url: string): string => url.replace(/^https?:/, 'webcal:');
