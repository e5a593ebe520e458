/**
 * Who is in a clinic and who waits. Sign-ups are pages of their own, so their order is the
 * order the pages were created in (page ids grow with creation; the `signed` value is typed
 * by the person and could be backdated). Places are per session; sharers and interpreters
 * do not take a participant's place. Cancelling frees the place: the first person waiting
 * for that session moves up, with no edit needed, because the roster is computed.
 */
import { sameUser } from '../accounts';
import { DEFAULT_CLINIC_CAPACITY, type Clinic, type Signup } from '../records/clinic';

export interface SignupEntry {
  signup: Signup;
  /** The sign-up page's id: creation order. */
  pageid: number;
}

export interface SessionRoster {
  /** 1, 2…: the clinic's sessions in order. */
  session: number;
  confirmed: string[];
  waiting: string[];
  /** The sharers and interpreters the clinic lists: in, without taking a place. */
  team: string[];
}

export interface Roster {
  sessions: SessionRoster[];
  cancelled: string[];
}

/** What the roster needs of a clinic. */
export type RosterClinic = Pick<Clinic, 'sessions' | 'capacity' | 'sharers' | 'interpreters'>;

const listed = (names: readonly string[], username: string): boolean =>
  names.some((n) => sameUser(n, username));

/**
 * Whether `signup` takes a sharer's or interpreter's role, outside the places: only someone
 * the clinic lists in that role (the host accepts a person by adding them to the page).
 */
export function teamRole(clinic: RosterClinic, signup: Pick<Signup, 'role' | 'username'>): boolean {
  if (signup.role === 'sharer') return listed(clinic.sharers, signup.username);
  if (signup.role === 'interpreter') return listed(clinic.interpreters, signup.username);
  return false;
}

export function clinicRoster(clinic: RosterClinic, entries: readonly SignupEntry[]): Roster {
  const capacity = clinic.capacity ?? DEFAULT_CLINIC_CAPACITY;
  const count = Math.max(1, clinic.sessions.length);
  const sessions: SessionRoster[] = Array.from({ length: count }, (_, i) => ({
    session: i + 1,
    confirmed: [],
    waiting: [],
    team: [],
  }));
  const cancelled: string[] = [];
  const ordered = [...entries].sort((a, b) => a.pageid - b.pageid);
  for (const { signup } of ordered) {
    if (signup.cancelled !== '') {
      cancelled.push(signup.username);
      continue;
    }
    // A session the clinic does not have, or none chosen: the first.
    const n = signup.session !== null && signup.session <= count ? signup.session : 1;
    const s = sessions[n - 1]!;
    if (teamRole(clinic, signup)) s.team.push(signup.username);
    else if (s.confirmed.length < capacity) s.confirmed.push(signup.username);
    else s.waiting.push(signup.username);
  }
  return { sessions, cancelled };
}
