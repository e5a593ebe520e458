import { renderInvitation } from '../../../bot/clinics/invitations';
import { renderMessage, renderPausedMessage } from '../../../bot/notify/messages';
import { toDirectoryEntry, type DirectoryEntry } from '../../../shared/documents/documents';
import type { Proposal } from '../../../shared/records/proposal';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import { profileFixture } from '../support/profile-fixture';

const taxonomy = defaultTaxonomy();

const person = (username: string, over: Parameters<typeof profileFixture>[0] = {}) =>
  toDirectoryEntry(
    profileFixture({
      username,
      languages: [{ code: 'en', level: 'N' }],
      learn: ['wikidata-basics'],
      share: ['wikidata-basics'],
      formats: ['one-to-one', 'clinic-participant'],
      timezone: 'Africa/Nairobi',
      availability: [{ days: 'weekdays', from: 18, to: 21 }],
      ...over,
    }),
    1,
  )!;

const people = new Map<string, DirectoryEntry>([
  ['Anel', person('Anel')],
  ['Kabazu kaan', person('Kabazu kaan')],
]);

const proposal: Proposal = {
  id: '2026-12-001',
  learners: ['Anel'],
  sharer: 'Kabazu kaan',
  topic: 'wikidata-basics',
  format: 'one-to-one',
  languages: ['en'],
  score: 72,
  reason:
    'The learner wants to learn Wikidata basics, which the sharer shares. Sharers from X are rarely seen.',
  status: 'approved',
  reviewer: 'Admin',
  reviewed: '',
  note: '',
};

const ctx = { root: 'R', now: new Date('2026-12-01T10:00:00Z'), people, taxonomy };
const intro = (user: string) =>
  renderMessage(
    { kind: 'intro', key: `intro:${proposal.id}:${user}`, round: '2026-12', proposal, user },
    ctx,
  );

describe('an introduction, written for its reader', () => {
  it('tells the learner in the second person who shares what, with the topic in words', () => {
    const { heading, body } = intro('Anel');
    expect(heading).toBe("Let's Connect: meet Kabazu kaan about Basic Wikidata use");
    expect(body).toContain(
      'You want to learn about Basic Wikidata use, and [[:User:Kabazu kaan|Kabazu kaan]] offered to share it',
    );
    expect(body).not.toContain('wikidata-basics');
  });

  it('tells the sharer who wants to learn from them', () => {
    expect(intro('Kabazu kaan').body).toContain(
      'You offered to share Basic Wikidata use, and [[:User:Anel|Anel]] wants to learn it',
    );
  });

  it('says what to do next, with the talk page, email and outcome form as links', () => {
    const { body } = intro('Anel');
    expect(body).toContain("'''What to do next:'''");
    expect(body).toContain('[[:User talk:Kabazu kaan|their talk page]]');
    expect(body).toContain('[[:Special:EmailUser/Kabazu kaan|by email]]');
    expect(body).toContain(
      '[{{fullurl:R/Connections/2026-12|letsconnect-outcome=2026-12-001}} tell us how it went]',
    );
    expect(body).toContain('[[:R/Participants/Anel|your Let');
    expect(body).not.toMatch(/Special:EmailUser[^/]/);
  });

  it("gives the other person's time zone and free hours in words, not their codes", () => {
    const { body } = intro('Anel');
    expect(body).toContain('Africa/Nairobi, UTC+3');
    expect(body).toContain('Usually free: Weekdays 18:00–21:00 (their time).');
    expect(body).not.toContain('weekdays 18');
  });

  it("leaves the matcher's reasons to the working group's round page", () => {
    for (const user of ['Anel', 'Kabazu kaan']) {
      const { body } = intro(user);
      expect(body).not.toMatch(/The learner|the sharer|rarely seen/);
    }
  });

  it('speaks the reader’s language when it has the messages', () => {
    const spanish = new Map(people).set(
      'Anel',
      person('Anel', { languages: [{ code: 'es', level: 'N' }] }),
    );
    const { heading, body, language } = renderMessage(
      {
        kind: 'intro',
        key: 'intro:x:Anel',
        round: '2026-12',
        proposal,
        user: 'Anel',
      },
      { ...ctx, people: spanish },
    );
    expect(language).toBe('es');
    expect(heading).toContain('conoce a Kabazu kaan');
    expect(body).toContain('[[:Special:EmailUser/Kabazu kaan|por correo electrónico]]');
  });
});

describe('when the other person says no', () => {
  const saidNo = (kind: 'not-this-month' | 'not-a-good-fit', status: Proposal['status']) =>
    renderMessage(
      {
        kind,
        key: `${kind}:${proposal.id}:Kabazu kaan`,
        round: '2026-12',
        proposal: {
          ...proposal,
          status,
          reviewer: 'Anel',
          note: 'Not a good fit (Anel): we work together already',
        },
        user: 'Kabazu kaan',
      },
      ctx,
    );

  it('says "not this month" in the second person, naming who, with the topic in words', () => {
    const { heading, body } = saidNo('not-this-month', 'cancelled');
    expect(heading).toBe("Let's Connect: Anel cannot meet this month (Basic Wikidata use)");
    expect(body).toContain('[[:User:Anel|Anel]] said this month does not suit them');
    expect(body).toContain("your Let's Connect connection about Basic Wikidata use");
    expect(body).toContain('<!-- letsconnect:not-this-month:2026-12-001:Kabazu kaan -->');
  });

  it('says "not a good fit" without the reason, which is for the working group', () => {
    const { body } = saidNo('not-a-good-fit', 'declined');
    expect(body).toContain(
      '[[:User:Anel|Anel]] said this connection about Basic Wikidata use is not a good fit',
    );
    expect(body).not.toContain('we work together already');
    expect(body).not.toContain('wikidata-basics');
  });
});

describe('other notices', () => {
  it('the pause notice links the reader to their own profile', () => {
    const { body } = renderPausedMessage('Anel', '2026-12-01', ctx);
    expect(body).toContain('open [[:R/Participants/Anel|your Let');
  });

  it('a clinic invitation links the sign-up and the profile that asked for it', () => {
    const title = 'R/Clinics/2026-12-10 Wikidata';
    const invitation = renderInvitation(
      { key: 'invite:x', clinic: title, user: 'Anel' },
      {
        title,
        clinic: {
          title: 'Wikidata for beginners',
          topic: 'wikidata-basics',
          sessions: ['2026-12-10T16:00Z'],
          timezone: 'UTC',
          minutes: null,
          sharers: [],
          interpreters: [],
          host: 'Admin',
          languages: ['en'],
          interpretation: [],
          capacity: 20,
          status: '',
          link: '',
          recording: '',
          description: '',
          attended: null,
        },
        signedUp: new Set(),
      },
      people.get('Anel')!,
      taxonomy,
      '2026-12-01',
      'R',
    );
    expect(invitation.body).toContain(`[[:${title}|sign up on the clinic's page]]`);
    expect(invitation.body).toContain('because [[:R/Participants/Anel|your Let');
  });
});
