/** Pages of a test program, each as its author writes it: profiles, the working group. */
import type { PageToImport } from '../../scripts/seed/import-pages';
import { profilePageTitle, workingGroupPageTitle } from '../../shared/pages';
import { DEFAULT_ROOT } from '../../shared/program';
import { serialiseRecord } from '../../shared/records/codec';
import { memberCodec } from '../../shared/records/member';
import { profileCodec, type Profile } from '../../shared/records/profile';

/** Each profile on its page, by its owner. */
export const profilePages = (people: readonly Profile[]): PageToImport[] =>
  people.map((p) => ({
    title: profilePageTitle(DEFAULT_ROOT, p.username),
    user: p.username,
    content: `${serialiseRecord(profileCodec, p)}\n`,
  }));

/** R/Working group listing `member` in the working group, written by the administrator. */
export const workingGroupPage = (member: string): PageToImport => ({
  title: workingGroupPageTitle(DEFAULT_ROOT),
  user: 'Admin',
  content: `${serialiseRecord(memberCodec, { username: member, role: 'working-group', region: '', languages: [], since: '' })}\n`,
});
