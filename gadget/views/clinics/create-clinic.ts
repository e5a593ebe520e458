/** The create-a-clinic form's model: what was typed, the clinic it makes, and its problems. */
import { zonedToUtc } from '../../../shared/calendar/zoned-time';
import { clinicPageTitle } from '../../../shared/pages';
import { serialiseRecord } from '../../../shared/records/codec';
import { clinicCodec, validateClinic, type Clinic } from '../../../shared/records/clinic';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { splitList } from '../../../shared/records/fields';
import type { Problem } from '../../../shared/problems';
import { formProblem } from './form-problem';

export interface SessionInput {
  date: string;
  time: string;
  zone: string;
}

export interface ClinicDraft {
  title: string;
  topic: string;
  description: string;
  first: SessionInput;
  /** The optional second session, or null. */
  second: SessionInput | null;
  minutes: string;
  languages: string;
  interpretation: string;
  sharers: string;
  capacity: string;
  link: string;
}

export const emptyDraft = (zone: string): ClinicDraft => ({
  title: '',
  topic: '',
  description: '',
  first: { date: '', time: '', zone },
  second: null,
  minutes: '90',
  languages: '',
  interpretation: '',
  sharers: '',
  capacity: '20',
  link: '',
});

/** The form's field each problem belongs to. */
export type DraftField =
  | 'title'
  | 'topic'
  | 'description'
  | 'first'
  | 'second'
  | 'minutes'
  | 'languages'
  | 'interpretation'
  | 'sharers'
  | 'capacity'
  | 'link';

const codes = (text: string) => splitList(text.toLowerCase());
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** Characters a page name cannot hold, replaced in the page's name (the title keeps them). */
export const pageName = (title: string) =>
  title
    .replace(/[#<>[\]|{}_/:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

export function draftToClinic(d: ClinicDraft, host: string): Clinic {
  const start = (s: SessionInput | null) => (s ? zonedToUtc(s.date, s.time, s.zone) : null);
  return {
    title: d.title.trim(),
    topic: d.topic,
    sessions: [start(d.first), start(d.second)].filter((s): s is string => s !== null),
    timezone: d.first.zone.trim(),
    minutes: Number.isFinite(whole(d.minutes)) ? whole(d.minutes) : null,
    sharers: splitList(d.sharers).slice(0, 3),
    interpreters: [],
    host,
    languages: codes(d.languages),
    interpretation: codes(d.interpretation),
    capacity: Number.isFinite(whole(d.capacity)) ? whole(d.capacity) : null,
    status: 'open',
    link: d.link.trim(),
    recording: '',
    description: d.description.trim(),
    attended: null,
  };
}

const FIELD_OF: Record<string, DraftField> = {
  session1: 'first',
  session2: 'second',
  host: 'sharers',
};

/** A problem with the draft, on the form's field it belongs to. */
export type DraftProblem = Problem & { field: DraftField };

const problem = (field: DraftField, key: string, params: string[] = []): DraftProblem => ({
  ...formProblem(field, key, params),
  field,
});

/** A sharer who is not an existing named account (the wiki's check, made on save). */
export const sharerProblem = (key: string, name: string): DraftProblem =>
  problem('sharers', key, ['sharers', name]);

export function draftProblems(d: ClinicDraft, taxonomy: Taxonomy, now: Date): DraftProblem[] {
  const c = draftToClinic(d, '');
  const out: DraftProblem[] = validateClinic(c, taxonomy)
    .filter((p) => p.severity === 'error')
    .map((p) => {
      const field =
        FIELD_OF[p.field] ?? ((p.field.startsWith('sharer') ? 'sharers' : p.field) as DraftField);
      // $1 naming the clinic's parameter names the form's field instead (its label, when shown).
      const named = p.params.length > 0 && String(p.params[0]) === p.field;
      return { ...p, field, params: named ? [field, ...p.params.slice(1)] : p.params };
    });
  const session = (field: 'first' | 'second', s: SessionInput | null) => {
    if (!s) return;
    const at = zonedToUtc(s.date, s.time, s.zone);
    if (at === null) out.push(problem(field, 'letsconnect-clinic-create-when-invalid', []));
    else if (Date.parse(at) < now.getTime())
      out.push(problem(field, 'letsconnect-clinic-create-when-past', []));
  };
  session('first', d.first);
  session('second', d.second);
  const minutes = whole(d.minutes);
  if (!(minutes >= 15 && minutes <= 480))
    out.push(problem('minutes', 'letsconnect-clinic-create-number', ['15', '480']));
  const capacity = whole(d.capacity);
  if (!(capacity >= 1 && capacity <= 1000))
    out.push(problem('capacity', 'letsconnect-clinic-create-number', ['1', '1000']));
  for (const [field, list] of [
    ['languages', d.languages],
    ['interpretation', d.interpretation],
  ] as const)
    if (codes(list).some((code) => !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(code)))
      out.push(problem(field, 'letsconnect-clinic-create-languages-invalid', []));
  if (splitList(d.sharers).length > 3)
    out.push(problem('sharers', 'letsconnect-clinic-create-sharers-many', []));
  if (pageName(d.title) === '' && d.title.trim() !== '')
    out.push(problem('title', 'letsconnect-clinic-create-title-invalid', []));
  // A session that could not be read is already said; "required" would repeat it.
  return out.filter(
    (p, i) =>
      !(
        p.key === 'letsconnect-problem-required' &&
        out.some((q, j) => j !== i && q.field === p.field)
      ),
  );
}

/** The clinic's page: `R/Clinics/<date in the organiser's zone> <name>`, and its text. */
export function clinicPage(
  root: string,
  d: ClinicDraft,
  clinic: Clinic,
): { title: string; text: string } {
  return {
    title: clinicPageTitle(root, d.first.date, pageName(d.title)),
    text: `${serialiseRecord(clinicCodec, clinic)}\n`,
  };
}
