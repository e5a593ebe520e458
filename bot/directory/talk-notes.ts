import type { StoredProblem } from '../../shared/documents/documents';
import { usernameFromProfileTitle } from '../../shared/pages';
import { escapeValue } from '../../shared/wikitext/escape';
import type { RunContext } from '../run-context';
import type { PageResult } from './outputs';

/** Problems people are not told about: leaving, or not agreeing to be listed, is their choice. */
const NOT_NOTIFIED = new Set(['letsconnect-problem-withdrawn', 'letsconnect-problem-not-listed']);

const key = (p: StoredProblem) => `${p.field}|${p.key}|${JSON.stringify(p.params)}`;

/** A short stable id (FNV-1a) for a page's set of problems, to find a note already left. */
function noteId(title: string, problems: readonly StoredProblem[]): string {
  let h = 0x811c9dc5;
  for (const ch of `${title}\n${problems.map(key).sort().join('\n')}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * With `talkPageNotes` on, tells a profile's owner on their talk page about problems that
 * keep the profile out of the directory, once per problem: only problems first seen in this
 * run, and a note carrying the same id is never left twice (a run that crashed after posting
 * does not post again). {{bots}}/{{nobots}} are honoured by the safe editor.
 */
export async function leaveProblemNotes(
  ctx: RunContext,
  results: readonly PageResult[],
  before: ReadonlyMap<string, { problems: StoredProblem[] }>,
): Promise<number> {
  if (!ctx.config.talkPageNotes) return 0;
  const { t, editor, config } = ctx;
  let left = 0;
  for (const r of results) {
    const owner = usernameFromProfileTitle(config.root, r.title);
    if (!owner || r.problems.some((p) => NOT_NOTIFIED.has(p.key))) continue;
    const errors = r.problems.filter((p) => p.severity === 'error');
    const seen = new Set((before.get(r.title)?.problems ?? []).map(key));
    if (errors.length === 0 || errors.every((p) => seen.has(key(p)))) continue;
    const marker = `<!-- letsconnect-note:${noteId(r.title, errors)} -->`;
    const note = [
      `== ${t('letsconnect-talk-note-heading')} ==`,
      marker,
      t('letsconnect-talk-note-body', `[[${r.title}]]`),
      ...errors.map((p) => `* ${escapeValue(t(p.key, ...p.params))}`),
      `${t('letsconnect-talk-note-fix')} ~~~~`,
    ].join('\n');
    const outcome = await editor.edit(
      `User talk:${owner}`,
      (current) =>
        current.content?.includes(marker)
          ? null
          : `${current.content ?? ''}\n\n${note}\n`.trimStart(),
      t('letsconnect-bot-summary-talk-note'),
      { talkPage: true },
    );
    if (outcome.status === 'saved') left++;
  }
  return left;
}
