/**
 * A person's fit to the reader ("Best for me") in the reader's words, from the matcher's own
 * reasons: the topic in the reader's direction, the languages both speak and the hours a
 * week both are free ("shares Budget development; you both speak Spanish; 6 hours a week in
 * common"). The engine's other reasons (how long a learner waited, rarely seen sharers) are
 * about fairness across the program, not about this pair: the working group sees those.
 */
import type { PersonFit } from '../../../shared/matching/fit';
import { languageName, type Translate } from '../../kit';

export function fitText(
  t: Translate,
  fit: PersonFit,
  topicLabel: (id: string) => string,
  ui: string,
): string {
  const parts: string[] = [];
  for (const r of fit.reasons) {
    const [a, b] = r.params;
    switch (r.key) {
      case 'letsconnect-match-reason-topic-exact':
        parts.push(
          t(
            fit.direction === 'learn'
              ? 'letsconnect-gadget-fit-shares'
              : 'letsconnect-gadget-fit-learns',
            topicLabel(String(a)),
          ),
        );
        break;
      case 'letsconnect-match-reason-topic-category':
        // $1 the learner's topic, $2 the sharer's; the message names theirs, then the reader's.
        parts.push(
          fit.direction === 'learn'
            ? t('letsconnect-gadget-fit-shares-near', topicLabel(String(b)), topicLabel(String(a)))
            : t('letsconnect-gadget-fit-learns-near', topicLabel(String(a)), topicLabel(String(b))),
        );
        break;
      case 'letsconnect-match-reason-languages':
        parts.push(
          t(
            'letsconnect-gadget-fit-languages',
            String(a)
              .split(/,\s*/)
              .map((code) => languageName(code, ui))
              .join(', '),
          ),
        );
        break;
      case 'letsconnect-match-reason-overlap':
        parts.push(t('letsconnect-gadget-fit-overlap', String(a)));
        break;
      default:
        break;
    }
  }
  return t('letsconnect-gadget-fit', parts.join(t('letsconnect-gadget-fit-separator')));
}
