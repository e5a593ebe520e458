/**
 * Who is in a clinic and who waits. Sign-ups are pages of their own, so their order is the
 * order the pages were created in (page ids grow with creation; the `signed` value is typed
 * by the person and could be backdated). Places are per session; sharers and interpreters
 * do not take a participant's place. Cancelling frees the place: the first person waiting
 * for that session moves up, with no edit needed, because the roster is computed.
 */
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
  /** Sharers, interpreters: in, without taking a place. */
  team: string[];
}

export interface Roster {
  sessions: SessionRoster[];
  cancelled: string[];
}

export function clinicRoster(
  clinic: Pick<Clinic, 'sessions' | 'capacity'>,
  entries: readonly SignupEntry[],
): Roster {
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
    if (signup.role === 'sharer' || signup.role === 'interpreter') s.team.push(signup.username);
    else if (s.confirmed.length < capacity) s.confirmed.push(signup.username);
    else s.waiting.push(signup.username);
  }
  return { sessions, cancelled };
}
