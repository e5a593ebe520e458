import { clinicRoster, type SignupEntry } from '../../../shared/clinics/roster';
import { isPastClinic, isUpcomingClinic, summariseClinic } from '../../../shared/clinics/summary';
import type { Feedback, Signup } from '../../../shared/records/clinic';
import { signupFixture } from '../support/clinic-fixture';

const signup = signupFixture;
const entries = (list: Signup[]): SignupEntry[] =>
  list.map((s, i) => ({ signup: s, pageid: i + 1 }));
const feedback = (username: string, over: Partial<Feedback> = {}): Feedback => ({
  username,
  useful: null,
  rating: null,
  comment: '',
  improve: '',
  wanted: [],
  given: '',
  ...over,
});

describe('summariseClinic', () => {
  // Capacity 3, one session: A, B, C confirmed, D and E waiting; B cancels, so D moves up.
  const clinic = {
    sessions: ['2026-11-10T16:00Z'],
    capacity: 3,
    attended: 2,
    sharers: ['S'],
    interpreters: [],
  };
  const roster = clinicRoster(
    clinic,
    entries([
      signup('A'),
      signup('B', { cancelled: '2026-11-09T10:00Z' }),
      signup('C'),
      signup('D'),
      signup('E'),
      signup('S', { role: 'sharer' }),
      // Not listed as an interpreter: a participant, waiting behind D and E.
      signup('I', { role: 'interpreter' }),
    ]),
  );

  it('gives no attendance rate above 100 %: walk-ins leave attended above confirmed', () => {
    const s = summariseClinic({ ...clinic, attended: 4 }, roster, []);
    expect([s.attended, s.confirmed, s.attendanceRate]).toEqual([4, 3, null]);
    expect(summariseClinic({ ...clinic, attended: 3 }, roster, []).attendanceRate).toBe(1);
  });

  it('counts attendance against confirmed sign-ups, and feedback against attendance', () => {
    const s = summariseClinic(clinic, roster, [
      feedback('A', { useful: true, rating: 5, wanted: ['b-topic', 'a-topic'] }),
      feedback('C', { useful: false, rating: 2, wanted: ['a-topic', 'a-topic'] }),
      feedback('X', { useful: true }),
    ]);
    expect(s).toEqual({
      confirmed: 3,
      waiting: 2,
      cancelled: 1,
      team: 1,
      attended: 2,
      attendanceRate: 2 / 3,
      feedbackGiven: 3,
      feedbackBase: 'attended',
      feedbackRate: 1.5,
      usefulYes: 2,
      usefulAnswers: 3,
      usefulShare: 2 / 3,
      ratings: 2,
      meanRating: 3.5,
      // A topic named twice by one person counts once; ties by id.
      wanted: [
        { topic: 'a-topic', count: 2 },
        { topic: 'b-topic', count: 1 },
      ],
    });
  });

  it('divides by confirmed sign-ups when attendance is not recorded, and keeps one feedback a person', () => {
    const s = summariseClinic({ ...clinic, attended: null }, roster, [
      feedback('A', { useful: true, given: '2026-11-10T18:00Z' }),
      feedback('A', { useful: false, given: '2026-11-11T18:00Z' }),
    ]);
    expect(s.feedbackBase).toBe('confirmed');
    expect(s.feedbackGiven).toBe(1);
    expect(s.feedbackRate).toBeCloseTo(1 / 3);
    expect(s.usefulShare).toBe(0);
    expect(s.attendanceRate).toBeNull();
    expect(s.meanRating).toBeNull();
  });

  it('gives no rate where there is nothing to divide by', () => {
    const empty = clinicRoster(clinic, []);
    const s = summariseClinic({ attended: 0 }, empty, []);
    expect([s.attendanceRate, s.feedbackRate, s.usefulShare]).toEqual([null, null, null]);
  });
});

describe('past and upcoming', () => {
  const c = {
    sessions: ['2026-11-10T06:00Z', '2026-11-10T16:00Z'],
    minutes: 90,
    status: 'open' as const,
  };
  it('is past once the last session has ended', () => {
    expect(isPastClinic(c, Date.parse('2026-11-10T17:29Z'))).toBe(false);
    expect(isPastClinic(c, Date.parse('2026-11-10T17:30Z'))).toBe(true);
  });
  it('is upcoming until its first session starts, unless cancelled or done', () => {
    expect(isUpcomingClinic(c, Date.parse('2026-11-10T05:59Z'))).toBe(true);
    expect(isUpcomingClinic(c, Date.parse('2026-11-10T06:00Z'))).toBe(false);
    expect(isUpcomingClinic({ ...c, status: 'cancelled' }, 0)).toBe(false);
    expect(isUpcomingClinic({ ...c, sessions: [] }, 0)).toBe(false);
  });
});
