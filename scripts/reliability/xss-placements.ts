/**
 * Where the XSS section puts its payloads: every free-text field of every record kind on the
 * sample program's pages, escaped as the gadget writes values, and some hand-typed raw.
 */
import { clinicCodec, feedbackCodec } from '../../shared/records/clinic';
import { parseRecords, replaceRecord, type RecordCodec } from '../../shared/records/codec';
import { memberCodec } from '../../shared/records/member';
import { profileCodec } from '../../shared/records/profile';
import { outcomeCodec, proposalCodec } from '../../shared/records/proposal';
import { resourceCodec } from '../../shared/records/resource';
import { topicCodec } from '../../shared/records/topic';
import type { PageToImport } from '../seed/import-pages';
import { placePayload, RAW_PAYLOADS, XSS_PAYLOADS } from './xss-corpus';

export interface Placement {
  id: number;
  /** Record kind and field ("profile.about"). */
  field: string;
  page: string;
  raw: boolean;
  text: string;
}

/** Every free-text field of each record kind, as getters and setters on the record. */
type Fields<T> = Array<[string, (r: T, value: () => string) => T]>;

function rewrite<T>(
  codec: RecordCodec<T>,
  text: string,
  fields: Fields<T>,
  value: (field: string) => string,
  adjust: (r: T, index: number) => T = (r) => r,
): string {
  const records = parseRecords(codec, text);
  let out = text;
  for (let i = records.length - 1; i >= 0; i--) {
    const parsed = records[i]!;
    let record = adjust(parsed.record, i);
    for (const [name, set] of fields) record = set(record, () => value(name));
    out = replaceRecord(codec, out, parsed, record);
  }
  return out;
}

export interface Cast {
  member: string;
  participant: string;
  /** The participant's notified proposal (for the outcome form). */
  proposal: string;
}

/**
 * The sample pages with a payload in every text field. Every `rawEvery`-th placement is
 * hand-typed wikitext instead of the escaped form the gadget writes.
 */
export function withPayloads(
  pages: PageToImport[],
  rawEvery = 6,
): { pages: PageToImport[]; placements: Placement[]; rawPages: Set<string>; cast: Cast } {
  const placements: Placement[] = [];
  const rawPages = new Set<string>();
  let next = 1;
  let plain = 0;
  let raw = 0;
  const group = pages.find((p) => p.title.endsWith('/Working group'));
  const members = group ? parseRecords(memberCodec, group.content).map((r) => r.record) : [];
  const member = members.find((m) => m.role === 'working-group')?.username ?? '';
  const round = pages.find((p) => /\/Connections\/\d{4}-\d{2}$/.test(p.title));
  const proposals = round ? parseRecords(proposalCodec, round.content).map((r) => r.record) : [];
  const chosen = proposals.find((p) => p.learners[0] && p.learners[0] !== member);
  const cast: Cast = {
    member,
    participant: chosen?.learners[0] ?? '',
    proposal: chosen?.id ?? '',
  };

  const out = pages.map((page) => {
    const tokens: Array<[string, string]> = [];
    const value = (kind: string) => (field: string) => {
      const id = next++;
      const isRaw = id % rawEvery === 0;
      const template = isRaw
        ? RAW_PAYLOADS[raw++ % RAW_PAYLOADS.length]!
        : XSS_PAYLOADS[plain++ % XSS_PAYLOADS.length]!;
      const text = placePayload(template, id, isRaw);
      placements.push({ id, field: `${kind}.${field}`, page: page.title, raw: isRaw, text });
      if (!isRaw) return text;
      rawPages.add(page.title);
      const token = `RAWSLOT${id}X`;
      tokens.push([token, text]);
      return token;
    };
    let content = page.content;
    if (page.title.includes('/Participants/')) {
      content = rewrite(
        profileCodec,
        content,
        [
          ['group', (r, v) => ({ ...r, groups: [{ group: v(), role: r.groups[0]?.role ?? '' }] })],
          ['learn-other', (r, v) => ({ ...r, learnOther: v() })],
          ['share-other', (r, v) => ({ ...r, shareOther: v() })],
          ['about', (r, v) => ({ ...r, about: v() })],
        ],
        value('profile'),
      );
    } else if (/\/Clinics\/[^/]+$/.test(page.title)) {
      content = rewrite(
        clinicCodec,
        content,
        [
          ['title', (r, v) => ({ ...r, title: v() })],
          ['description', (r, v) => ({ ...r, description: v() })],
        ],
        value('clinic'),
      );
    } else if (/\/Feedback\/[^/]+$/.test(page.title)) {
      content = rewrite(
        feedbackCodec,
        content,
        [
          ['comment', (r, v) => ({ ...r, comment: v() })],
          ['improve', (r, v) => ({ ...r, improve: v() })],
        ],
        value('feedback'),
      );
    } else if (page === round) {
      content = rewrite(
        proposalCodec,
        content,
        [
          ['reason', (r, v) => ({ ...r, reason: v() })],
          ['note', (r, v) => ({ ...r, note: v() })],
        ],
        value('proposal'),
        // One proposal waits for review, the participant's one was sent to them.
        (r, i) =>
          r.id === cast.proposal
            ? {
                ...r,
                status: 'notified' as const,
                reviewer: member,
                reviewed: r.reviewed || '2025-05-03T10:00Z',
              }
            : i === 0
              ? { ...r, status: 'proposed' as const, reviewer: '', reviewed: '' }
              : r,
      );
    } else if (/\/Outcomes\//.test(page.title) || parseRecords(outcomeCodec, content).length > 0) {
      content = rewrite(
        outcomeCodec,
        content,
        [['comment', (r, v) => ({ ...r, comment: v() })]],
        value('outcome'),
      );
    } else if (parseRecords(resourceCodec, content).length > 0) {
      content = rewrite(
        resourceCodec,
        content,
        [
          ['title', (r, v) => ({ ...r, title: v() })],
          ['description', (r, v) => ({ ...r, description: v() })],
        ],
        value('resource'),
      );
    } else if (parseRecords(topicCodec, content).length > 0) {
      content = rewrite(
        topicCodec,
        content,
        [
          ['label', (r, v) => ({ ...r, labels: { ...r.labels, en: v() } })],
          ['description', (r, v) => ({ ...r, description: v() })],
        ],
        value('topic'),
      );
    }
    for (const [token, text] of tokens) content = content.split(token).join(text);
    return { ...page, content };
  });
  return { pages: out, placements, rawPages, cast };
}

/** Runs in the page (a string: this file is compiled for Node). */
