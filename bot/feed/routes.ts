/**
 * What a request to the calendar feed asks for, or why it cannot be answered (a 4xx in plain
 * words). Pure: the server (server.ts) only carries it out.
 *
 *   /program.ics                  the program's calendar: every clinic and learning space
 *   /person/<User name>.ics       one person's own places (named accounts only)
 *   ?lang=<code>                  the events' words in that language (default English)
 */
import { canonicalUser, isTemporaryAccountName } from '../../shared/accounts';
import type { FeedScope } from '../../shared/calendar/feed';
import { LANGUAGE_CODE, isUsername } from '../../shared/records/vocabulary';

export type FeedRoute =
  | { kind: 'index' }
  | { kind: 'feed'; scope: FeedScope; language: string }
  | { kind: 'refused'; status: 400 | 404 | 405 | 414; message: string };

/** Longer than any feed address: refused before it is parsed. */
export const MAX_URL_LENGTH = 1000;

export const FEED_HELP = `Let's Connect calendar feeds (iCalendar, for calendar apps to subscribe to):
  /program.ics              every clinic and learning space of the program
  /person/<User name>.ics   your own places (for example /person/Jane_Doe.ics)
Add ?lang=es (or another language code) for the events' words in that language.
`;

const refused = (status: 400 | 404 | 405 | 414, message: string): FeedRoute => ({
  kind: 'refused',
  status,
  message,
});

export function feedRoute(method: string | undefined, rawUrl: string | undefined): FeedRoute {
  if (method !== 'GET' && method !== 'HEAD')
    return refused(405, 'Only GET and HEAD: the calendar feed is read-only.');
  const raw = rawUrl ?? '';
  if (raw.length > MAX_URL_LENGTH) return refused(414, 'That address is too long for a feed.');
  let url: URL;
  try {
    url = new URL(raw, 'http://feed.invalid');
  } catch {
    return refused(400, 'That is not an address this service can read.');
  }
  const language = url.searchParams.get('lang') ?? 'en';
  if (!LANGUAGE_CODE.test(language))
    return refused(
      400,
      `"lang" must be a language code such as en, es or ar, not "${language.slice(0, 20)}".`,
    );
  const path = url.pathname;
  if (path === '/' || path === '') return { kind: 'index' };
  if (path === '/program.ics') return { kind: 'feed', scope: { kind: 'program' }, language };
  const person = /^\/person\/([^/]+)\.ics$/.exec(path);
  if (!person) return refused(404, `No calendar at this address.\n\n${FEED_HELP}`);
  let name: string;
  try {
    name = canonicalUser(decodeURIComponent(person[1]!));
  } catch {
    return refused(400, 'The user name in the address is not properly encoded.');
  }
  if (!isUsername(name)) return refused(400, 'That is not a user name.');
  if (isTemporaryAccountName(name))
    return refused(
      400,
      'Temporary accounts hold no places: log in with a named account to sign up.',
    );
  return { kind: 'feed', scope: { kind: 'person', user: name }, language };
}
