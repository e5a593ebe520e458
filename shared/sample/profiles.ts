/**
 * Sample participant profiles shaped like the pilot's: every region and many languages,
 * mostly new and intermediate organisers, about half tied to an affiliate, sharers fewer
 * than learners, a few snoozed, unlisted or withdrawn.
 */
import type { GroupMembership, LanguageSkill, Profile, AvailabilitySlot } from '../records/profile';
import { FORMATS, type Format, type LanguageLevel, type Role } from '../records/vocabulary';
import { DEFAULT_TOPICS } from '../taxonomy/default-topics';
import { NAME_SYLLABLES, PLACES, REGION_WEIGHTS, SCRIPT_OF_LANGUAGE, type Place } from './places';
import type { Random } from './random';

const ABOUT = [
  'I organise edit-a-thons in my city and want to learn how others keep volunteers coming back.',
  'Our user group is two years old; we are writing our first grant proposal.',
  'I coordinate a photo contest and can share what worked (and what did not).',
  'Teacher and Wikipedian, running an education program with three universities.',
  'Happy to talk about Wikidata and small tools that save organisers time.',
  'Board member of our chapter. Interested in governance and leadership renewal.',
  '',
];

/** Values a person might really type; they exercise the escaping on every demo run. */
const TRICKY_ABOUT = [
  'R&D lead | "Art+Feminism" = fun; see [[Meta:Main Page]] {{thanks}} ~~~~',
  '<b>not bold</b> <!-- not a comment --> __NOTOC__',
  '* starts like a list\nsecond line\n\n  indented line ',
  "''not italic'' and &#124; typed literally",
];

const AFFILIATE_KINDS = ['Wikimedia {}', 'Wikimedians of {} User Group', 'Wikimedia {} (chapter)'];
const INFORMAL_GROUPS = [
  'Art+Feminism {}',
  'WikiClub {}',
  'Wiki Loves Monuments {} team',
  'Women in Red {}',
];
const AFFILIATE_ROLES: ReadonlyArray<readonly [Role, number]> = [
  ['volunteer', 35],
  ['organiser', 30],
  ['core-team', 15],
  ['staff', 12],
  ['board', 8],
];

function userName(rng: Random, place: Place, taken: Set<string>): string {
  const script = SCRIPT_OF_LANGUAGE[place.languages[0] ?? ''] ?? 'latin';
  const syllables = NAME_SYLLABLES[rng.chance(0.7) ? script : 'latin'] ?? [];
  let name = '';
  for (let i = rng.int(2, 3); i > 0; i--) name += rng.pick(syllables);
  if (rng.chance(0.4)) name += ` ${rng.pick(syllables)}${rng.pick(syllables)}`;
  name = name.charAt(0).toUpperCase() + name.slice(1);
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

function groups(rng: Random, place: Place): GroupMembership[] {
  const out: GroupMembership[] = [];
  if (rng.chance(0.5)) {
    const group = rng.pick(AFFILIATE_KINDS).replace('{}', place.countryName);
    out.push({ group, role: rng.weighted(AFFILIATE_ROLES) });
  }
  if (out.length === 0 || rng.chance(0.2)) {
    const group = rng.pick(INFORMAL_GROUPS).replace('{}', place.countryName);
    out.push({ group, role: rng.pick(['volunteer', 'organiser'] as const) });
  }
  return out;
}

function languages(rng: Random, place: Place): LanguageSkill[] {
  const out: LanguageSkill[] = [{ code: place.languages[0] ?? 'en', level: 'N' }];
  for (const code of place.languages.slice(1)) {
    if (rng.chance(0.6)) out.push({ code, level: rng.pick(['3', '4', 'N'] as const) });
  }
  for (const code of ['en', 'fr', 'es']) {
    if (!out.some((l) => l.code === code) && rng.chance(code === 'en' ? 0.75 : 0.15)) {
      out.push({ code, level: String(rng.int(1, 4)) as LanguageLevel });
    }
  }
  return out;
}

/** Top skills are asked for three times as often as other topics. */
const TOPIC_WEIGHTS = DEFAULT_TOPICS.map((t) => [t.id, t.featured ? 3 : 1] as const);

function topics(rng: Random, n: number, avoid: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < n && tries < n * 10; tries++) {
    const id = rng.weighted(TOPIC_WEIGHTS);
    if (!avoid.includes(id)) out.add(id);
  }
  return [...out];
}

function availability(rng: Random): AvailabilitySlot[] {
  const slots: AvailabilitySlot[] = [];
  for (const days of rng.sample(
    ['weekdays', 'weekends', 'tue', 'thu', 'sat'] as const,
    rng.int(1, 2),
  )) {
    const from = rng.pick([7, 9, 12, 16, 18, 19]);
    slots.push({ days, from, to: Math.min(24, from + rng.int(2, 4)) });
  }
  return slots;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `count` distinct profiles; `nowMs` anchors update and snooze dates. */
export function sampleProfiles(rng: Random, count: number, nowMs: number): Profile[] {
  const taken = new Set<string>();
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const region = rng.weighted(REGION_WEIGHTS);
    const place = rng.pick(PLACES[region]);
    const experience = rng.weighted([
      ['new', 45],
      ['intermediate', 40],
      ['experienced', 15],
    ] as const);
    const learn = topics(rng, rng.int(1, 5));
    const shareCount = {
      new: rng.int(0, 1),
      intermediate: rng.int(0, 2),
      experienced: rng.int(1, 4),
    }[experience];
    const share = topics(rng, shareCount, learn);
    const formats: Format[] = FORMATS.filter((f) =>
      f === 'clinic-sharer' || f === 'resource-sharing'
        ? share.length > 0 && rng.chance(0.5)
        : rng.chance(0.6),
    );
    if (formats.length === 0) formats.push('one-to-one');
    const updatedMs = nowMs - rng.int(0, 700) * 86_400_000 - rng.int(0, 86_399) * 1000;
    profiles.push({
      username: userName(rng, place, taken),
      groups: groups(rng, place),
      experience,
      region,
      country: place.country,
      languages: languages(rng, place),
      learn,
      share,
      learnOther: rng.chance(0.08) ? 'Running hybrid events with poor connectivity' : '',
      shareOther: '',
      formats,
      timezone: place.timezone,
      availability: availability(rng),
      connectionsPerMonth: share.length > 0 ? rng.int(1, 3) : 0,
      snoozeUntil: rng.chance(0.05) ? isoDate(nowMs + rng.int(10, 120) * 86_400_000) : '',
      listed: rng.chance(0.93),
      withdrawn: rng.chance(0.03),
      updated: new Date(updatedMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      about: i % 37 === 5 ? rng.pick(TRICKY_ABOUT) : rng.pick(ABOUT),
    });
  }
  return profiles;
}
