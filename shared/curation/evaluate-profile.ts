/**
 * Whether a profile page goes into the directory, and every reason the working group should
 * hear about: the consent gate, validation, and who wrote the revision that is used.
 */
import { toDirectoryEntry, type DirectoryEntry } from '../documents/documents';
import { usernameFromProfileTitle } from '../pages';
import { problem, type Problem } from '../problems';
import { parseSingleRecord } from '../records/codec';
import { profileCodec, validateProfile } from '../records/profile';
import type { Taxonomy } from '../taxonomy/taxonomy';

export interface ProfileSource {
  title: string;
  /** The revision to use: the newest written by the owner or the working group (null if none). */
  revid: number | null;
  content: string | null;
  /** Set when newer edits by someone else were passed over. */
  passedOverEditor?: string;
}

export interface ProfileEvaluation {
  entry: DirectoryEntry | null;
  problems: Problem[];
}

export function evaluateProfile(
  source: ProfileSource,
  root: string,
  taxonomy: Taxonomy,
): ProfileEvaluation {
  const owner = usernameFromProfileTitle(root, source.title);
  const problems: Problem[] = [];
  if (source.passedOverEditor !== undefined && source.revid !== null) {
    problems.push(
      problem(
        '',
        'letsconnect-problem-not-owner',
        [source.passedOverEditor, source.revid],
        'warning',
      ),
    );
  }
  if (owner === null || source.revid === null || source.content === null) {
    problems.push(problem('', 'letsconnect-problem-no-trusted-revision'));
    return { entry: null, problems };
  }
  const { parsed, problems: parseProblems } = parseSingleRecord(profileCodec, source.content);
  problems.push(...parseProblems);
  if (!parsed) return { entry: null, problems };
  problems.push(...parsed.problems);
  const profile = parsed.record;
  if (profile.username.replace(/_/g, ' ') !== owner) {
    problems.push(
      problem('username', 'letsconnect-problem-username-mismatch', [profile.username, owner]),
    );
  }
  // A withdrawn page keeps only the user name (the gadget blanks the rest): nothing to check.
  if (profile.withdrawn) problems.push(problem('withdrawn', 'letsconnect-problem-withdrawn'));
  else {
    problems.push(...validateProfile(profile, taxonomy));
    if (!profile.listed) problems.push(problem('listed', 'letsconnect-problem-not-listed'));
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { entry: hasError ? null : toDirectoryEntry(profile, source.revid), problems };
}
