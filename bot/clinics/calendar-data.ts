/**
 * `User:<bot>/Calendar.json`: the clinics and learning spaces with who holds a place in each,
 * for the calendar feed (`letsconnect-bot feed`, bot/feed) to serve. Written with the other
 * pages of the run; past clinics keep the places the document last gave them.
 */
import { calendarEntries, type FeedClinic } from '../../shared/calendar/feed';
import { SCHEMA_VERSION, type CalendarDocument } from '../../shared/documents/documents';
import { calendarDataTitle } from '../../shared/pages';
import type { Clinic } from '../../shared/records/clinic';
import type { PageRevision } from '../../shared/wiki-client';
import { generatedStamp } from '../connections/rounds';
import type { RunContext } from '../run-context';
import { documentOn, documentText } from '../wiki/documents-io';

export function writeCalendarData(
  ctx: RunContext,
  input: { clinics: readonly FeedClinic[]; spaces: readonly Clinic[]; spacesPage: string },
): { title: string; transform: (current: PageRevision) => string } {
  return {
    title: calendarDataTitle(ctx.config.botName),
    transform: (current) => {
      const doc: CalendarDocument = {
        schemaVersion: SCHEMA_VERSION,
        kind: 'calendar',
        generated: generatedStamp(ctx),
        root: ctx.config.root,
        feedUrl: ctx.config.feedUrl,
        entries: calendarEntries({
          ...input,
          previous: documentOn(current, 'calendar'),
          nowMs: ctx.now.getTime(),
        }),
      };
      return documentText(doc, current);
    },
  };
}
