import { run } from './exec';
import { REPO_DIR } from '../wiki/config';

/** The repository's commit, short, marked "-dirty" when the tree has uncommitted changes. */
export function repoSha(): string {
  let sha = 'unknown';
  try {
    sha = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR }).trim();
  } catch {
    return sha;
  }
  return isTreeClean() ? sha : `${sha}-dirty`;
}

export function isTreeClean(): boolean {
  try {
    return run('git', ['status', '--porcelain'], { cwd: REPO_DIR }).trim() === '';
  } catch {
    return false;
  }
}
