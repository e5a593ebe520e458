/**
 * The program report's numbers, computed from what the bot read on the wiki (pure: the bot
 * gathers the inputs, tests give them directly). Definitions, as R/Report states them:
 *
 * - registered: profile pages whose owner (or the working group) wrote a profile, not
 *   withdrawn; month: when the page was first saved. listed: of those, agreed to be listed.
 * - affiliated: registered and naming at least one group or affiliate.
 * - by region / by role: registered people per region, and per role they hold in a group
 *   (someone with two roles counts under each; no role: `none`).
 * - clinics held: clinic pages whose first session has started (or whose date has passed
 *   when no session time is given), not cancelled; month: the clinic's date.
 * - participations: confirmed places in held clinics (the computed roster: sign-ups by their
 *   owners, not cancelled, within capacity; sharers and interpreters not counted).
 * - feedback: feedback pages by their owners on held clinics; rate = feedback / participations.
 * - useful: feedback answering "was it useful" with yes, out of those that answered it.
 * - proposed / approved / met: the matcher's proposals in the round documents (every status),
 *   those the working group approved (approved or notified), those with a report that the
 *   people met; month: the round's.
 * - self-made / self-made met: connections people made themselves (origin `self-made` in the
 *   rounds), and those with a report that the people met; month: the round's.
 * - summaries: outcome reports given by participants, on connections of either kind.
 * - learn / share: registered people wanting to learn / able to share each topic.
 */
import { clinicRoster, type SignupEntry } from '../clinics/roster';
import type {
  MatchHistory,
  ReportCount,
  ReportData,
  ReportMonth,
  ReportTotals,
} from '../documents/documents';
import { SCHEMA_VERSION } from '../documents/documents';
import type { Clinic, Feedback } from '../records/clinic';
import type { Profile } from '../records/profile';

export interface ReportProfile {
  profile: Profile;
  /** When the profile page was first saved (ISO timestamp). */
  created: string;
}

export interface ReportClinic {
  clinic: Clinic;
  /** `YYYY-MM-DD` from the clinic page's title. */
  date: string;
  /** Sign-ups written by their owners. */
  signups: SignupEntry[];
  /** Feedback written by its owners. */
  feedback: Feedback[];
}

export interface ReportInput {
  root: string;
  profiles: readonly ReportProfile[];
  clinics: readonly ReportClinic[];
  rounds: readonly MatchHistory[];
  /** Items the bot accepted in the resource centre. */
  resources: number;
  now: Date;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  generated: string;
}

const emptyMonth = (month: string): ReportMonth => ({
  month,
  registered: 0,
  clinics: 0,
  participations: 0,
  feedback: 0,
  usefulAnswered: 0,
  useful: 0,
  proposed: 0,
  approved: 0,
  met: 0,
  selfMade: 0,
  selfMadeMet: 0,
  summaries: 0,
});

/** Every month from `first` to `last` inclusive (`YYYY-MM`). */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

function counted(counts: Map<string, number>): ReportCount[] {
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const bump = (map: Map<string, number>, key: string, by = 1) =>
  map.set(key, (map.get(key) ?? 0) + by);

/** Has the clinic taken place by `now`? */
export function clinicHeld(c: ReportClinic, now: Date): boolean {
  if (c.clinic.status === 'cancelled') return false;
  const first = [...c.clinic.sessions].sort()[0];
  if (first) {
    const start = new Date(first);
    if (!Number.isNaN(start.getTime())) return start.getTime() <= now.getTime();
  }
  return c.date < now.toISOString().slice(0, 10);
}

/** Proposals the working group approved (an approved one becomes notified once introduced). */
const APPROVED = new Set(['approved', 'notified']);

export function computeReport(input: ReportInput): ReportData {
  const months = new Map<string, ReportMonth>();
  const at = (month: string) => {
    let m = months.get(month);
    if (!m) months.set(month, (m = emptyMonth(month)));
    return m;
  };
  const regions = new Map<string, number>();
  const roles = new Map<string, number>();
  const learn = new Map<string, number>();
  const share = new Map<string, number>();
  let listed = 0;
  let affiliated = 0;
  let rated = 0;
  let ratingSum = 0;

  for (const { profile, created } of input.profiles) {
    if (profile.withdrawn) continue;
    if (/^\d{4}-\d{2}/.test(created)) at(created.slice(0, 7)).registered++;
    if (profile.listed) listed++;
    if (profile.groups.length > 0) affiliated++;
    bump(regions, profile.region === '' ? 'unknown' : profile.region);
    const held = new Set(profile.groups.map((g) => g.role).filter((r) => r !== ''));
    if (held.size === 0) bump(roles, 'none');
    for (const role of held) bump(roles, role);
    for (const id of new Set(profile.learn)) bump(learn, id);
    for (const id of new Set(profile.share)) bump(share, id);
  }

  for (const c of input.clinics) {
    if (!clinicHeld(c, input.now)) continue;
    const m = at(c.date.slice(0, 7));
    m.clinics++;
    const roster = clinicRoster(c.clinic, c.signups);
    m.participations += roster.sessions.reduce((n, s) => n + s.confirmed.length, 0);
    const givers = new Set<string>();
    for (const f of c.feedback) {
      if (givers.has(f.username)) continue;
      givers.add(f.username);
      m.feedback++;
      if (f.useful !== null) {
        m.usefulAnswered++;
        if (f.useful) m.useful++;
      }
      if (f.rating !== null) {
        rated++;
        ratingSum += f.rating;
      }
    }
  }

  for (const round of input.rounds) {
    const m = at(round.round);
    const proposed = round.proposals.filter((p) => p.origin !== 'self-made');
    const selfMadeMet = round.outcomes.selfMadeMet ?? 0;
    m.proposed += proposed.length;
    m.approved += proposed.filter((p) => APPROVED.has(p.status)).length;
    m.met += round.outcomes.met - selfMadeMet;
    m.selfMade += round.proposals.length - proposed.length;
    m.selfMadeMet += selfMadeMet;
    m.summaries += round.outcomes.reports ?? 0;
  }

  const keys = [...months.keys()].sort();
  const all =
    keys.length === 0 ? [] : monthRange(keys[0]!, keys[keys.length - 1]!).map((k) => at(k));
  const sum = (f: (m: ReportMonth) => number) => all.reduce((n, m) => n + f(m), 0);
  const totals: ReportTotals = {
    registered: sum((m) => m.registered),
    clinics: sum((m) => m.clinics),
    participations: sum((m) => m.participations),
    feedback: sum((m) => m.feedback),
    usefulAnswered: sum((m) => m.usefulAnswered),
    useful: sum((m) => m.useful),
    proposed: sum((m) => m.proposed),
    approved: sum((m) => m.approved),
    met: sum((m) => m.met),
    selfMade: sum((m) => m.selfMade),
    selfMadeMet: sum((m) => m.selfMadeMet),
    summaries: sum((m) => m.summaries),
    listed,
    affiliated,
    rated,
    ratingSum,
    resources: input.resources,
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'report',
    generated: input.generated,
    root: input.root,
    totals,
    months: all,
    regions: counted(regions),
    roles: counted(roles),
    learn: counted(learn),
    share: counted(share),
  };
}

/** `part` as a whole percentage of `whole` (0 when there is no whole). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}
