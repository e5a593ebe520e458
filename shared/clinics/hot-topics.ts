/**
 * Hot topics, for planning the next clinics: every topic someone in the directory wants to
 * learn, with how many offer to share it and the gap between the two, the learners the last
 * round of connections could not place, and who could share it in a clinic.
 *
 * Ranking, most wanted first: learners the round left unmatched for the topic (demand that
 * 1:1 connections could not meet, the clearest case for a clinic), then the gap (learners −
 * sharers), then learners, then the topic id. Candidate sharers: people sharing the topic
 * who are not snoozed, those who offered to present at clinics (`clinic-sharer`) first, then
 * by user name.
 */
import type { DirectoryEntry } from '../documents/documents';
import type { TopicDemand } from '../matching/types';

export interface HotTopic {
  topic: string;
  learners: number;
  sharers: number;
  /** learners − sharers (negative: more sharers than learners). */
  gap: number;
  /** Learners the round could not connect on this topic (0 without a round). */
  unmatched: number;
  candidates: string[];
}

export const CLINIC_SHARER_FORMAT = 'clinic-sharer';

export function rankHotTopics(input: {
  entries: readonly DirectoryEntry[];
  unmetDemand: readonly TopicDemand[];
  /** `YYYY-MM-DD`: snoozes ending later keep a sharer off the candidates. */
  today: string;
  maxCandidates?: number;
}): HotTopic[] {
  const max = input.maxCandidates ?? 5;
  const learners = new Map<string, number>();
  const sharers = new Map<string, DirectoryEntry[]>();
  for (const e of input.entries) {
    for (const t of new Set(e.learn)) learners.set(t, (learners.get(t) ?? 0) + 1);
    for (const t of new Set(e.share)) sharers.set(t, [...(sharers.get(t) ?? []), e]);
  }
  const unmatched = new Map(input.unmetDemand.map((d) => [d.topic, d.unmatchedLearners]));
  const rows: HotTopic[] = [...learners].map(([topic, count]) => {
    const offering = sharers.get(topic) ?? [];
    const awake = offering.filter((e) => e.snoozeUntil === '' || e.snoozeUntil <= input.today);
    const presenter = (e: DirectoryEntry) => (e.formats.includes(CLINIC_SHARER_FORMAT) ? 0 : 1);
    const candidates = awake
      .sort(
        (a, b) =>
          presenter(a) - presenter(b) ||
          (a.username < b.username ? -1 : a.username > b.username ? 1 : 0),
      )
      .slice(0, max)
      .map((e) => e.username);
    return {
      topic,
      learners: count,
      sharers: offering.length,
      gap: count - offering.length,
      unmatched: unmatched.get(topic) ?? 0,
      candidates,
    };
  });
  return rows.sort(
    (a, b) =>
      b.unmatched - a.unmatched ||
      b.gap - a.gap ||
      b.learners - a.learners ||
      (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
  );
}
