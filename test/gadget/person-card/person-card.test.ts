import { mount } from '@vue/test-utils';
import hostile from '../../fixtures/hostile-strings.json';
import { PersonCard, type CardData } from '../../../gadget/views/person-card/PersonCard';
import { withEnv } from '../support/env';

const person: CardData = {
  username: 'Amani Wikimedian',
  groups: [{ group: 'Wikimedians of Kenya User Group', role: 'organiser' }],
  experience: 'intermediate',
  region: 'ssa',
  country: 'KE',
  languages: [
    { code: 'sw', level: 'N' },
    { code: 'en', level: '4' },
  ],
  learn: ['budget-development'],
  share: ['newcomer-training'],
  learnOther: 'Running hybrid events',
  shareOther: '',
  formats: ['one-to-one'],
  timezone: 'Africa/Nairobi',
  availability: [],
  connectionsPerMonth: 2,
  snoozeUntil: '2025-07-01',
  updated: '2025-05-01T10:00:00Z',
  about: 'Line one\nline two',
};
const label = (id: string) => `label:${id}`;

describe('PersonCard', () => {
  it('shows what the person shares and wants to learn, their languages and local time', () => {
    const w = mount(PersonCard, { props: { person, topicLabel: label }, ...withEnv() });
    expect(w.get('h3').text()).toBe('Amani Wikimedian');
    expect(w.get('.is-share').text()).toBe('label:newcomer-training');
    expect(w.get('.is-learn').text()).toContain('label:budget-development');
    expect(w.get('.is-learn').text()).toContain('Running hybrid events');
    expect(w.text()).toContain('Swahili (native), English (level 4)');
    // 12:00 UTC is 15:00 in Nairobi.
    expect(w.text()).toContain('3:00 PM (Africa/Nairobi)');
    expect(w.text()).toContain('Sub-Saharan Africa · Kenya');
    expect(w.text()).toContain('Wikimedians of Kenya User Group (Organiser)');
    expect(w.text()).toContain('Not taking new connections until Jul 1, 2025.');
    expect(w.text()).not.toContain('⧼');
  });

  it('shows topics brought from the Capacity Exchange after the person’s own, saying so', () => {
    const capx = {
      ...person,
      capacityExchange: {
        share: ['newcomer-training', 'wikidata-basics'],
        learn: ['fundraising'],
        updated: '2026-11-01T00:00:00Z',
      },
    };
    const w = mount(PersonCard, { props: { person: capx, topicLabel: label }, ...withEnv() });
    expect(w.findAll('.is-share li').map((li) => li.text())).toEqual([
      'label:newcomer-training',
      'label:wikidata-basics (from the Capacity Exchange)',
    ]);
    expect(w.get('.is-learn').text()).toContain('label:fundraising (from the Capacity Exchange)');
  });

  it('links to the talk page and Special:EmailUser, never to an address', () => {
    const w = mount(PersonCard, { props: { person, topicLabel: label }, ...withEnv() });
    const hrefs = w.findAll('a').map((a) => a.attributes('href'));
    expect(hrefs).toEqual([
      '/wiki/User%3AAmani_Wikimedian',
      '/wiki/User_talk%3AAmani_Wikimedian?action=edit&section=new',
      '/wiki/Special%3AEmailUser%2FAmani_Wikimedian',
    ]);
  });

  it('has no links in the form preview, and no snooze line once the date has passed', () => {
    const w = mount(PersonCard, {
      props: { person: { ...person, snoozeUntil: '2025-05-01' }, topicLabel: label, preview: true },
      ...withEnv(),
    });
    expect(w.findAll('a')).toHaveLength(0);
    expect(w.text()).not.toContain('Not taking new connections');
  });

  it('renders every hostile string as text, never markup', () => {
    for (const value of hostile.strings.filter((v) => v.trim() !== '')) {
      const w = mount(PersonCard, {
        props: {
          person: {
            ...person,
            about: value,
            learnOther: value,
            groups: [{ group: value, role: '' }],
          },
          topicLabel: () => value,
        },
        ...withEnv(),
      });
      expect([value, w.findAll('script, img, iframe, b, i, style')]).toEqual([value, []]);
      expect(w.get('.letsconnect-card__about').element.textContent).toBe(value);
      w.unmount();
    }
  });
});
