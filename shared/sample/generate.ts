/**
 * Realistic program pages at any size, for the demo, the tests and the benchmarks. Pure and
 * deterministic: the same options always give the same pages. The seeding script saves each
 * page as `user`.
 */
import { upsertOutcome } from '../connections/outcomes';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT } from '../program';
import {
  clinicFeedbackTitle,
  clinicPageTitle,
  clinicSignupTitle,
  connectionsPageTitle,
  profilePageTitle,
  resourcesPageTitle,
  topicsPageTitle,
  outcomesPageTitle,
  workingGroupPageTitle,
} from '../pages';
import { clinicCodec, feedbackCodec, signupCodec, type Clinic } from '../records/clinic';
import { serialiseRecord } from '../records/codec';
import { memberCodec } from '../records/member';
import { profileCodec, type Profile } from '../records/profile';
import { proposalCodec, type Proposal } from '../records/proposal';
import { resourceCodec } from '../records/resource';
import { topicCodec } from '../records/topic';
import { RESOURCE_KINDS, type ProposalStatus } from '../records/vocabulary';
import { sampleProfiles } from './profiles';
import { Random } from './random';

export interface SamplePage {
  title: string;
  content: string;
  /** Who should save it: the profile's owner, a working-group member, or the bot. */
  user: string;
}

export interface SampleOptions {
  /** How many profiles (default 300, the demo's size). */
  profiles?: number;
  seed?: number;
  root?: string;
  botName?: string;
  /** The "current" time everything is dated around (default 2025-06-01T00:00:00Z). */
  now?: string;
}

export const DEMO_PROFILE_COUNT = 300;

const join = (calls: readonly string[]): string => calls.join('\n');

function workingGroupPage(root: string, people: readonly Profile[]): SamplePage {
  const calls = people.map((p, i) =>
    serialiseRecord(memberCodec, {
      username: p.username,
      role: i < 4 ? 'working-group' : 'ambassador',
      region: p.region,
      languages: p.languages.map((l) => l.code),
      since: '2023-02-01',
    }),
  );
  const text = `The working group and Learning Ambassadors of Let's Connect.\n\n${join(calls)}\n`;
  return { title: workingGroupPageTitle(root), content: text, user: people[0]?.username ?? '' };
}

function topicsPage(root: string, editor: string): SamplePage {
  const calls = [
    serialiseRecord(topicCodec, {
      id: 'hybrid-events',
      category: 'programmatic',
      labels: {
        en: 'Running hybrid events',
        es: 'Organizar eventos híbridos',
        fr: 'Organiser des événements hybrides',
      },
      description: 'Online and in-person at once, with poor connectivity in mind.',
      featured: false,
      retired: false,
      capx: [],
    }),
    serialiseRecord(topicCodec, {
      id: 'open-licensing-glam',
      category: 'technical',
      labels: { en: 'Open licensing with GLAM partners' },
      description: '',
      featured: false,
      retired: false,
      capx: [],
    }),
  ];
  const text = `Topics the working group added to the default taxonomy.\n\n${join(calls)}\n`;
  return { title: topicsPageTitle(root), content: text, user: editor };
}

function clinicPages(
  rng: Random,
  root: string,
  people: readonly Profile[],
  organisers: readonly Profile[],
  nowMs: number,
): SamplePage[] {
  const sharers = people.filter((p) => p.share.length > 0);
  const count = Math.max(3, Math.round(people.length / 13));
  const pages: SamplePage[] = [];
  for (let i = 0; i < count && sharers.length > 0; i++) {
    const sharer = rng.pick(sharers);
    const topic = rng.pick(sharer.share);
    const dayMs = nowMs + (i - Math.floor(count / 2)) * 30 * 86_400_000;
    const date = new Date(dayMs).toISOString().slice(0, 10);
    const past = dayMs < nowMs;
    const clinic: Clinic = {
      title: `Learning clinic: ${topic.replace(/-/g, ' ')}`,
      topic,
      sessions: [`${date}T06:00Z`, `${date}T16:00Z`],
      timezone: 'UTC',
      minutes: 90,
      sharers: [sharer.username],
      interpreters: [],
      // Working-group members and ambassadors run clinics (the bot counts no one else's).
      host: rng.pick(organisers.length > 0 ? organisers : people).username,
      languages: ['en'],
      interpretation: rng.sample(['es', 'fr', 'ar', 'pt'], rng.int(1, 2)),
      capacity: 20,
      status: past ? 'done' : 'open',
      link: past ? '' : 'https://meet.example.org/letsconnect',
      recording: past
        ? `https://commons.wikimedia.org/wiki/File:Lets_Connect_clinic_${date}.webm`
        : '',
      description: 'A 90-minute session: a short presentation, then questions and exchange.',
      attended: null,
    };
    const title = clinicPageTitle(root, date, clinic.title.replace('Learning clinic: ', ''));
    const attendees = rng.sample(people, rng.int(5, 20)).filter((p) => p !== sharer);
    if (past) clinic.attended = Math.round(attendees.length * 0.7);
    pages.push({ title, content: `${serialiseRecord(clinicCodec, clinic)}\n`, user: clinic.host });
    // Each person's sign-up, and feedback, on a page of their own, as the gadget writes them.
    for (const p of attendees) {
      const signup = {
        username: p.username,
        session: rng.int(1, 2),
        role: 'participant' as const,
        interpretation: rng.chance(0.3) ? (clinic.interpretation[0] ?? '') : '',
        signed: `${date}T00:00Z`,
        cancelled: rng.chance(0.1) ? `${date}T01:00Z` : '',
      };
      pages.push({
        title: clinicSignupTitle(title, p.username),
        content: `${serialiseRecord(signupCodec, signup)}\n`,
        user: p.username,
      });
      // About a quarter of participants give feedback, as in the pilot.
      if (!past || signup.cancelled !== '' || !rng.chance(0.25)) continue;
      const feedback = {
        username: p.username,
        useful: rng.chance(0.85),
        rating: rng.weighted([
          [5, 3],
          [4, 4],
          [3, 2],
          [2, 1],
        ] as const),
        comment: rng.pick(['Very useful, thank you!', 'I would like a follow-up session.', '']),
        improve: rng.pick(['More time for questions.', '', '']),
        wanted: rng.sample(p.learn, Math.min(p.learn.length, rng.int(0, 2))),
        given: `${date}T18:00Z`,
      };
      pages.push({
        title: clinicFeedbackTitle(title, p.username),
        content: `${serialiseRecord(feedbackCodec, feedback)}\n`,
        user: p.username,
      });
    }
  }
  return pages;
}

function resourcesPage(rng: Random, root: string, people: readonly Profile[]): SamplePage {
  const calls: string[] = [];
  for (let i = 0; i < Math.max(5, Math.round(people.length / 10)); i++) {
    const author = rng.pick(people);
    const topic = rng.pick(author.share.length > 0 ? author.share : author.learn);
    calls.push(
      serialiseRecord(resourceCodec, {
        title: `${topic.replace(/-/g, ' ')}: notes from our group (${i + 1})`,
        url: `https://meta.wikimedia.org/wiki/Special:MyLanguage/Learning_patterns/${topic}`,
        page: '',
        kind: rng.pick(RESOURCE_KINDS),
        topics: [topic],
        languages: [author.languages[0]?.code ?? 'en'],
        addedBy: author.username,
        added: '2025-01-15',
        description: rng.chance(0.5) ? 'Slides and a short guide from a learning clinic.' : '',
      }),
    );
  }
  return {
    title: resourcesPageTitle(root),
    content: `${join(calls)}\n`,
    user: people[0]?.username ?? '',
  };
}

/** A past round (with reviews) and its participants' outcome pages. */
function connectionsPages(
  rng: Random,
  root: string,
  botName: string,
  people: readonly Profile[],
  reviewer: string,
): SamplePage[] {
  const month = '2025-05';
  const sharers = people.filter((p) => p.share.length > 0);
  const proposals: Proposal[] = [];
  for (let i = 0; i < Math.max(3, Math.round(people.length / 20)) && sharers.length > 0; i++) {
    const sharer = rng.pick(sharers);
    const topic = rng.pick(sharer.share);
    const learner = people.find((p) => p !== sharer && p.learn.includes(topic)) ?? rng.pick(people);
    const status = rng.weighted([
      ['proposed', 3],
      ['approved', 2],
      ['notified', 4],
      ['declined', 1],
    ] as const) as ProposalStatus;
    proposals.push({
      id: `${month}-${String(i + 1).padStart(3, '0')}`,
      learners: [learner.username],
      sharer: sharer.username,
      topic,
      format: 'one-to-one',
      languages: [sharer.languages[0]?.code ?? 'en'],
      score: rng.int(40, 100),
      // In words, as the bot writes reasons: the round page shows no ids.
      reason:
        'The learner wants to learn what the sharer shares, and they have a language in common.',
      status,
      // Written by the bot: the status it accepted, shown as final.
      accepted: status,
      reviewer: status === 'proposed' ? '' : reviewer,
      reviewed: status === 'proposed' ? '' : `${month}-03T10:00Z`,
      note: '',
    });
  }
  // Each report on its reporter's own outcomes page, as the gadget writes them.
  const outcomePages = new Map<string, SamplePage>();
  for (const p of proposals) {
    if (p.status !== 'notified' || !rng.chance(0.5)) continue;
    const reporter = p.learners[0] ?? '';
    const title = outcomesPageTitle(root, month, reporter);
    const page = outcomePages.get(title) ?? { title, content: '', user: reporter };
    page.content = upsertOutcome(page.content, {
      proposal: p.id,
      reporter,
      result: rng.pick(['met', 'met', 'scheduled', 'not-met'] as const),
      date: `${month}-20`,
      rating: rng.int(3, 5),
      comment: 'We met online for an hour and shared our plans.',
      public: rng.chance(0.5),
    });
    outcomePages.set(title, page);
  }
  const content = [
    `Match proposals for ${month}. The working group sets each status to approved or declined.`,
    '',
    join(proposals.map((p) => serialiseRecord(proposalCodec, p))),
    '',
  ].join('\n');
  return [
    { title: connectionsPageTitle(root, month), content, user: botName },
    ...outcomePages.values(),
  ];
}

/** Every sample page: profiles first, then the program's shared pages. */
export function generateSamplePages(options: SampleOptions = {}): SamplePage[] {
  const root = options.root ?? DEFAULT_ROOT;
  const rng = new Random(options.seed ?? 1);
  const nowMs = Date.parse(options.now ?? '2025-06-01T00:00:00Z');
  const people = sampleProfiles(rng, options.profiles ?? DEMO_PROFILE_COUNT, nowMs);
  const pages: SamplePage[] = people.map((p) => ({
    title: profilePageTitle(root, p.username),
    content: `${serialiseRecord(profileCodec, p)}\n`,
    user: p.username,
  }));
  if (people.length === 0) return pages;
  const active = people.filter((p) => p.listed && !p.withdrawn);
  const crowd = active.length > 0 ? active : people;
  const group = crowd.slice(0, 8);
  const reviewer = group[0]?.username ?? '';
  pages.push(
    workingGroupPage(root, group),
    topicsPage(root, reviewer),
    ...clinicPages(rng, root, crowd, group, nowMs),
    resourcesPage(rng, root, crowd),
    ...connectionsPages(rng, root, options.botName ?? DEFAULT_BOT_NAME, crowd, reviewer),
  );
  return pages;
}
