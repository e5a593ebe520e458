/**
 * `R/Requests`, for the working group: how many requests people made themselves and what
 * became of them, the answers and requests that count for nothing (someone else wrote them),
 * unusual numbers of requests, and why requests were not sent. Counts and user names only:
 * never a note. Readable without JavaScript; every value escaped.
 */
import { REFUSALS, REQUEST_POLICY } from '../../shared/connections/requests';
import type { RequestsDocument } from '../../shared/documents/documents';
import { requestsPageTitle } from '../../shared/pages';
import type { Taxonomy } from '../../shared/taxonomy/taxonomy';
import { escapeValue, wikiLink } from '../../shared/wikitext/escape';
import { speaker } from '../match/reasons';

const userLink = (name: string): string => wikiLink(`User:${name}`, name);

export function renderRequestsPage(
  doc: RequestsDocument,
  root: string,
  taxonomy: Taxonomy,
): string {
  const { t } = speaker('en', taxonomy);
  const count = (state: string) => doc.requests.filter((r) => r.state === state).length;
  const lines: string[] = [
    t('letsconnect-requests-page-intro', escapeValue(`${requestsPageTitle(root, '')}…`)),
    '',
    t(
      'letsconnect-requests-page-counts',
      doc.requests.length,
      count('open'),
      count('accepted'),
      count('declined'),
      count('expired'),
      count('refused'),
    ),
    '',
    `== ${t('letsconnect-requests-page-heading-forged')} ==`,
    t('letsconnect-requests-page-forged-intro'),
  ];
  if (doc.forged.length === 0) lines.push(t('letsconnect-requests-page-forged-none'));
  for (const f of doc.forged) {
    const kind = t(`letsconnect-requests-page-kind-${f.kind}`);
    const line =
      f.why === 'not-owner'
        ? t(
            'letsconnect-requests-page-forged-not-owner',
            userLink(f.page),
            userLink(f.user),
            kind,
            escapeValue(f.about),
            escapeValue(f.answer || '–'),
          )
        : t(
            'letsconnect-requests-page-forged-not-recipient',
            userLink(f.page),
            kind,
            escapeValue(f.answer || '–'),
            escapeValue(f.about),
          );
    lines.push(`* ${f.revid > 0 ? `[[Special:Diff/${f.revid}|${f.revid}]] ` : ''}${line}`);
  }
  lines.push(
    '',
    `== ${t('letsconnect-requests-page-heading-unusual')} ==`,
    t(
      'letsconnect-requests-page-unusual-intro',
      REQUEST_POLICY.unusualVolume,
      REQUEST_POLICY.expiryDays,
    ),
  );
  if (doc.unusual.length === 0) lines.push(t('letsconnect-requests-page-forged-none'));
  for (const u of doc.unusual)
    lines.push(`* ${t('letsconnect-requests-page-unusual-line', userLink(u.user), u.requests)}`);
  const refused = REFUSALS.map((why) => ({
    why,
    n: doc.requests.filter((r) => r.state === 'refused' && r.refusal === why).length,
  })).filter((x) => x.n > 0);
  lines.push('', `== ${t('letsconnect-requests-page-heading-refused')} ==`);
  if (refused.length === 0) lines.push(t('letsconnect-requests-page-forged-none'));
  for (const r of refused)
    lines.push(
      `* ${t('letsconnect-requests-page-refused-line', t(`letsconnect-request-refusal-${r.why}`), r.n)}`,
    );
  lines.push('');
  return lines.join('\n');
}
