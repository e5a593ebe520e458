/**
 * The round page's flag for proposals bridged by interpretation (issue 18): a short section
 * listing each one with the two languages to interpret between, so the working group can
 * arrange an interpreter before approving. Kept apart from the page's layout on purpose.
 */
import type { MatchHistory } from '../../shared/documents/documents';
import { labelCall, pageMessage } from '../../shared/labels/labels';
import { escapeValue } from '../../shared/wikitext/escape';

const KEY = 'letsconnect-match-reason-interpretation';

/** The proposals of the round that need an interpreter, with the languages (codes). */
export function bridgedProposals(
  doc: Pick<MatchHistory, 'proposals' | 'reasons'>,
): Array<{ id: string; learner: string; sharer: string }> {
  return doc.proposals.flatMap((p) => {
    const reason = (doc.reasons[p.id] ?? []).find((m) => m.key === KEY);
    if (!reason || p.status === 'declined' || p.status === 'cancelled') return [];
    return [{ id: p.id, learner: String(reason.params[0]), sharer: String(reason.params[1]) }];
  });
}

/**
 * The section's lines, or none when no proposal needs an interpreter; words and language names
 * from the label module, in the reader's language.
 */
export function interpretationSection(doc: MatchHistory): string[] {
  const bridged = bridgedProposals(doc);
  if (bridged.length === 0) return [];
  return [
    '',
    `== ${pageMessage('letsconnect-round-heading-interpretation')} ==`,
    pageMessage('letsconnect-round-interpretation-intro'),
    ...bridged.map(
      (b) =>
        `* ${pageMessage(
          'letsconnect-round-interpretation-line',
          escapeValue(b.id),
          labelCall('languages', b.learner),
          labelCall('languages', b.sharer),
        )}`,
    ),
  ];
}
