/**
 * `R/Connections/<YYYY-MM>` as the bot writes it: an explanation for reviewers, one
 * `{{Let's Connect/Proposal}}` per accepted proposal, the learners left out and why, the
 * changes the bot did not accept, and the outcome counts. Readable without JavaScript; every
 * value escaped (the one escaper), so no name or reason can change the page's structure.
 */
import { pairingProblemKey } from '../../shared/connections/pairing-check';
import { meetingTimes, type Schedule } from '../../shared/matching/meeting-times';
import type { MatchHistory } from '../../shared/documents/documents';
import { serialiseRecord } from '../../shared/records/codec';
import { proposalCodec, type Proposal } from '../../shared/records/proposal';
import { talkPageTitle, workingGroupPageTitle } from '../../shared/pages';
import { labelCall, pageMessage } from '../../shared/labels/labels';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import { interpretationSection } from './interpretation-flag';
import type { Translate } from '../i18n';
import { messageWikitext, type Speaker } from './reasons';

const userLink = (name: string): string => wikiLink(`User:${name}`, name);

/**
 * A proposal as the page shows it: with the status the bot accepted (which the template shows
 * as final) and when its people can meet, worked out afresh from their profiles (`people`;
 * someone without a profile there does not narrow the times).
 */
function shownProposal(
  p: Proposal,
  round: string,
  people: ReadonlyMap<string, Schedule>,
): Proposal {
  const { meeting: _written, ...rest } = p;
  const schedules = [p.sharer, ...p.learners]
    .map((name) => people.get(name))
    .filter((x): x is Schedule => x !== undefined);
  const meeting = meetingTimes(schedules, round);
  return { ...rest, accepted: p.status, ...(meeting === null ? {} : { meeting }) };
}

/**
 * The round page. `people`: the directory's entries by name, for the times each proposal's
 * people can meet.
 */
export function renderRoundPage(
  s: Speaker,
  doc: MatchHistory,
  root: string,
  people: ReadonlyMap<string, Schedule> = new Map(),
): string {
  // The page's words are the label module's (`pageMessage`): they follow the reader's language,
  // as the proposals' labels do.
  const t = pageMessage;
  // Who reviews, and where to ask to join (an administrator gets no buttons either).
  const group = workingGroupPageTitle(root);
  // The page in one block, so its links can be told from its text by more than colour.
  const lines: string[] = [
    '<div class="letsconnect-round">' +
      t(
        'letsconnect-round-intro',
        labelCall('month', doc.round),
        wikiLink(group),
        wikiLink(talkPageTitle(group)),
      ),
    '',
  ];
  lines.push(`== ${t('letsconnect-round-heading-proposals')} ==`);
  if (doc.proposals.length === 0) lines.push(t('letsconnect-round-none'));
  for (const p of doc.proposals)
    lines.push(serialiseRecord(proposalCodec, shownProposal(p, doc.round, people)));
  lines.push(...interpretationSection(doc));
  if (doc.held !== undefined) lines.push('', ...heldSection(doc));
  lines.push('', `== ${t('letsconnect-round-heading-unmatched')} ==`);
  if (doc.unmatched.length === 0) lines.push(t('letsconnect-round-unmatched-none'));
  for (const u of doc.unmatched) {
    lines.push(`* ${userLink(u.username)}: ${messageWikitext(s, u.reason)}`);
  }
  if (doc.rejected.length > 0) {
    lines.push(
      '',
      `== ${t('letsconnect-round-heading-rejected')} ==`,
      t('letsconnect-round-rejected-intro'),
    );
    for (const r of doc.rejected) {
      lines.push(
        `* [[Special:Diff/${r.revid}|${labelCall('date', r.timestamp.slice(0, 10))}]] ${userLink(r.user)}: ` +
          t(
            'letsconnect-round-rejected-line',
            escapeValue(r.proposal),
            escapeValue(r.field),
            escapeValue(r.from || '–'),
            escapeValue(r.to || '–'),
          ),
      );
    }
  }
  const o = doc.outcomes;
  lines.push(
    '',
    `== ${t('letsconnect-round-heading-outcomes')} ==`,
    t(
      'letsconnect-round-outcomes',
      o.reported,
      o.met,
      o.scheduled,
      o.notMet,
      o.rated === 0 ? '–' : (o.ratingSum / o.rated).toFixed(1),
    ),
    '</div>',
    '',
  );
  return lines.join('\n');
}

/** Approved proposals the notifier held back, each with its people and why, in words. */
function heldSection(doc: MatchHistory): string[] {
  const t = pageMessage;
  const lines = [`== ${t('letsconnect-round-heading-held')} ==`];
  const ids = [...new Set((doc.held ?? []).map((h) => h.proposal))];
  if (ids.length === 0) return [...lines, t('letsconnect-round-held-none')];
  lines.push(t('letsconnect-round-held-intro'));
  for (const id of ids) {
    const p = doc.proposals.find((x) => x.id === id);
    const people = p ? [p.sharer, ...p.learners].join(', ') : '';
    const why = (doc.held ?? [])
      .filter((h) => h.proposal === id)
      .map((h) => t(pairingProblemKey(h.reason), escapeValue(h.user)))
      .join(' ');
    lines.push(`* ${t('letsconnect-round-held-line', escapeValue(id), escapeValue(people), why)}`);
  }
  return lines;
}

/** Why proposal `id` is held back, in words: one sentence per person and reason. */
export function heldReasonsText(t: Translate, doc: MatchHistory, id: string): string {
  return (doc.held ?? [])
    .filter((h) => h.proposal === id)
    .map((h) => t(pairingProblemKey(h.reason), h.user))
    .join(' ');
}
