/** Clinic times, places and topics in words: times in the reader's zone, and the organiser's. */
import { topicLabel, type MessageLookup, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { Translate } from '../../kit';
import type { Place } from './clinic-data';

/** "Friday 20 March 2026, 15:00 CET": a session's start, in `zone` (the reader's by default). */
export function sessionTime(iso: string, ui: string, zone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(zone ? { timeZone: zone } : {}),
  };
  try {
    return new Intl.DateTimeFormat(ui, options).format(ms);
  } catch {
    return new Intl.DateTimeFormat(ui, { ...options, timeZone: 'UTC' }).format(ms);
  }
}

/**
 * The reader's place in words: confirmed, waiting (number N), in the team, cancelled, none;
 * once the session is `over`, in the past ("You had a place"), since it is no longer theirs.
 */
export function placeText(t: Translate, p: Place, over = false): string {
  if (over && (p.kind === 'confirmed' || p.kind === 'team' || p.kind === 'waiting'))
    return t(`letsconnect-clinic-place-${p.kind}-past`, String(p.session));
  switch (p.kind) {
    case 'confirmed':
      return t('letsconnect-clinic-place-confirmed', String(p.session));
    case 'waiting':
      return t('letsconnect-clinic-place-waiting', String(p.session), String(p.position));
    case 'team':
      return t('letsconnect-clinic-place-team', String(p.session));
    case 'cancelled':
      return t('letsconnect-clinic-place-cancelled');
    default:
      return t('letsconnect-clinic-place-none');
  }
}

/** A topic's label in the reader's language (its id when the taxonomy does not know it). */
export const topicNamer =
  (taxonomy: Taxonomy, languages: readonly string[], lookup: MessageLookup) =>
  (id: string): string => {
    const topic = taxonomy.topics.get(id);
    return topic ? topicLabel(topic, languages, lookup) : id;
  };
