/**
 * `R/Hot topics`: the ranking of shared/clinics/hot-topics.ts as a sortable wiki table, for
 * the working group planning the next clinics. Only consented directory data; every name and
 * label escaped.
 */
import type { HotTopic } from '../../shared/clinics/hot-topics';
import type { MessageLookup, Taxonomy } from '../../shared/taxonomy/taxonomy';
import { labelCall, pageMessage, topicWikitext } from '../../shared/labels/labels';
import { wikiLink } from '../../shared/wikitext/escape';
import type { Translate } from '../i18n';

export function renderHotTopicsPage(input: {
  rows: readonly HotTopic[];
  /** The round whose unmet demand was used, or null when there is none. */
  round: string | null;
  taxonomy: Taxonomy;
  t: Translate;
  lookup: MessageLookup;
}): string {
  // The page's words are the label module's, in the reader's language.
  const t = pageMessage;
  const lines = [
    input.round
      ? t('letsconnect-hot-topics-intro', labelCall('month', input.round))
      : t('letsconnect-hot-topics-intro-no-round'),
    '',
  ];
  if (input.rows.length === 0) return `${lines.join('\n')}${t('letsconnect-hot-topics-none')}\n`;
  lines.push(
    '{| class="wikitable sortable"',
    `! ${['rank', 'topic', 'learners', 'sharers', 'gap', 'unmatched', 'candidates']
      .map((c) => t(`letsconnect-hot-topics-col-${c}`))
      .join(' !! ')}`,
  );
  input.rows.forEach((row, i) => {
    const label = topicWikitext(input.taxonomy, input.lookup, row.topic);
    const candidates =
      row.candidates.length === 0
        ? t('letsconnect-hot-topics-candidates-none')
        : row.candidates.map((u) => wikiLink(`User:${u}`, u)).join(', ');
    lines.push(
      '|-',
      `| ${i + 1} || ${label} || ${row.learners} || ${row.sharers} || ${row.gap} || ${row.unmatched} || ${candidates}`,
    );
  });
  lines.push('|}', '', t('letsconnect-hot-topics-candidates-note'));
  return `${lines.join('\n')}\n`;
}
