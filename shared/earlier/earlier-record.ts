/**
 * A person's record from the program's earlier directory, in this program's terms: from
 * letsconn's public profile endpoint (`GET /profile/?username=`, wikimediabrasil/letsconn at
 * bf9a0e00, `enrollments/views.py` profile_view) or from a row of the working group's CSV export
 * (columns in shared/earlier/csv.ts). Only the fields with a place in the profile form are
 * read; the rest of a record (an email, a full name, projects, anything else) is never copied.
 */
import type { EarlierRecord } from '../documents/documents';
import { checkNoEmail } from '../records/checks';
import { PROFILE_LIMITS } from '../records/profile';
import { REGIONS } from '../records/vocabulary';

/** The public fields of an earlier record, as letsconn names them (values as it stores them). */
export interface RawEarlierRecord {
  username: string;
  reconciled_affiliation?: unknown;
  reconciled_territory?: unknown;
  reconciled_languages?: unknown;
  reconciled_want_to_learn?: unknown;
  reconciled_want_to_share?: unknown;
}

export interface EarlierRecordLabels {
  /** A topic's English label (its message), for matching the record's interests. */
  topicLabel: (id: string) => string;
  topicIds: readonly string[];
  /** A region's English label (its message). */
  regionLabel: (id: string) => string;
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A JSON list of strings, or text with one item per line or `;`: letsconn's JSON fields hold either. */
export function listItems(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value.split(/[;\n]/)
      : [];
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Other names of the funding regions in records (case and punctuation do not matter). */
const REGION_ALIASES: Record<string, string> = {
  'middle east and north africa': 'mena',
  'sub saharan africa': 'ssa',
  'north america': 'na',
  'united states and canada': 'na',
  'latin america': 'lac',
  'latin america and caribbean': 'lac',
  'east southeast asia and the pacific': 'eseap',
  'central and eastern europe': 'cee',
  'western europe': 'nwe',
};

function regionOf(territory: string, labels: EarlierRecordLabels): string {
  const t = fold(territory);
  if (t === '') return '';
  for (const id of REGIONS) if (t === id || t === fold(labels.regionLabel(id))) return id;
  return REGION_ALIASES[t] ?? '';
}

/** ISO 639-1 codes, so a language the record names in English can be given its code. */
const LANGUAGE_CODES =
  'aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(
    ' ',
  );

let languageNames: Map<string, string> | null = null;

function languageCode(item: string): string | null {
  const code = item.trim().toLowerCase();
  const base = code.split('-')[0] ?? '';
  const isCode = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code);
  if (isCode && (LANGUAGE_CODES.includes(base) || base.length === 3)) return code;
  if (languageNames === null) {
    languageNames = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const c of LANGUAGE_CODES) languageNames.set(fold(names.of(c) ?? c), c);
  }
  return languageNames.get(fold(item)) ?? null;
}

/** Interests → topic ids (by label or id); the rest stays as the person's own words. */
function topicsOf(
  items: readonly string[],
  labels: EarlierRecordLabels,
): { topics: string[]; other: string } {
  const byName = new Map<string, string>();
  for (const id of labels.topicIds) {
    byName.set(fold(id), id);
    byName.set(fold(labels.topicLabel(id)), id);
  }
  const topics: string[] = [];
  const other: string[] = [];
  for (const item of items) {
    const whole = byName.get(fold(item));
    const parts = whole ? [whole] : item.split(',').map((p) => byName.get(fold(p)));
    if (parts.every((p) => p !== undefined)) {
      for (const id of parts as string[]) if (!topics.includes(id)) topics.push(id);
    } else other.push(item);
  }
  return { topics, other: other.join('; ') };
}

/** Free text kept only when it fits the form's limit and holds no email address. */
function safeText(value: string, limit: number): string {
  return value.length <= limit && checkNoEmail('text', value).length === 0 ? value : '';
}

export function toEarlierRecord(
  raw: RawEarlierRecord,
  source: EarlierRecord['source'],
  labels: EarlierRecordLabels,
): EarlierRecord {
  const learn = topicsOf(listItems(raw.reconciled_want_to_learn), labels);
  const share = topicsOf(listItems(raw.reconciled_want_to_share), labels);
  const languages: string[] = [];
  for (const item of listItems(raw.reconciled_languages)) {
    const code = languageCode(item);
    if (code !== null && !languages.includes(code)) languages.push(code);
  }
  return {
    username: raw.username.trim().replace(/_/g, ' '),
    source,
    group: safeText(text(raw.reconciled_affiliation), PROFILE_LIMITS.group),
    region: regionOf(text(raw.reconciled_territory), labels),
    languages,
    learn: learn.topics,
    share: share.topics,
    learnOther: safeText(learn.other, PROFILE_LIMITS.suggestion),
    shareOther: safeText(share.other, PROFILE_LIMITS.suggestion),
  };
}

/** True when the record holds nothing the form could use. */
export function isEmptyRecord(r: EarlierRecord): boolean {
  return (
    r.group === '' &&
    r.region === '' &&
    r.languages.length + r.learn.length + r.share.length === 0 &&
    r.learnOther === '' &&
    r.shareOther === ''
  );
}
