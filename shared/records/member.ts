/**
 * A working-group member or Learning Ambassador: one `{{Let's Connect/Member}}` call each on
 * `R/Working group` (a page protected on Meta, so its list is trusted).
 */
import type { Problem } from '../problems';
import { TEMPLATES } from '../templates/index';
import type { RecordCodec } from './codec';
import { checkUsername } from './checks';
import { joinList, readDate, readEnum, readList, readText } from './fields';
import { LANGUAGE_CODE, MEMBER_ROLES, REGIONS, type MemberRole, type Region } from './vocabulary';

export interface Member {
  username: string;
  role: MemberRole | '';
  region: Region | '';
  languages: string[];
  /** `YYYY-MM-DD` the person joined, or ''. */
  since: string;
}

export const memberCodec: RecordCodec<Member> = {
  template: TEMPLATES.member.name,
  params: ['username', 'role', 'region', 'languages', 'since'],
  toParams: (m) => [
    ['username', m.username],
    ['role', m.role],
    ['region', m.region],
    ['languages', joinList(m.languages)],
    ['since', m.since],
  ],
  fromParams: (bag) => ({
    username: readText(bag, 'username'),
    role: readEnum(bag, 'role', MEMBER_ROLES),
    region: readEnum(bag, 'region', REGIONS),
    languages: readList(bag, 'languages', LANGUAGE_CODE),
    since: readDate(bag, 'since'),
  }),
};

export function validateMember(m: Member): Problem[] {
  return checkUsername('username', m.username);
}
