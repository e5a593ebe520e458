import { mount } from '@vue/test-utils';
import { ProgramNav } from '../../../gadget/kit/ProgramNav';
import { PORTAL_AREAS } from '../../../shared/portal';
import { withEnv } from '../support/env';

const R = 'Grants:Knowledge Sharing/Connect';

describe('ProgramNav', () => {
  it('links every area of the portal, in its order, in words', () => {
    const w = mount(ProgramNav, { props: { root: R, username: null }, ...withEnv() });
    const links = w.findAll('a');
    expect(links.map((a) => a.text())).toEqual([
      'Find people',
      'My profile',
      'My connections',
      'Clinics',
      'Calendar',
      'Resources',
      'Report',
      'How it works',
      'The working group',
    ]);
    expect(links).toHaveLength(PORTAL_AREAS.length);
    expect(w.get('nav').attributes('aria-label')).toBe("Let's Connect");
    expect(links[0]!.attributes('href')).toBe(
      '/wiki/Grants%3AKnowledge_Sharing%2FConnect%2FDirectory',
    );
    expect(links[7]!.attributes('href')).toBe(
      '/wiki/Grants%3AKnowledge_Sharing%2FConnect#how-it-works',
    );
  });

  it('takes a logged-out reader to the form, a named one to their own profile', () => {
    const out = mount(ProgramNav, { props: { root: R, username: null }, ...withEnv() });
    expect(out.findAll('a')[1]!.attributes('href')).toBe(
      '/wiki/Grants%3AKnowledge_Sharing%2FConnect?letsconnect=edit',
    );
    const named = mount(ProgramNav, {
      props: { root: R, username: 'Ana', current: 'profile' },
      ...withEnv(),
    });
    const mine = named.findAll('a')[1]!;
    expect(mine.attributes('href')).toBe(
      '/wiki/Grants%3AKnowledge_Sharing%2FConnect%2FParticipants%2FAna',
    );
    expect(mine.attributes('aria-current')).toBe('page');
    expect(named.findAll('[aria-current]')).toHaveLength(1);
  });
});
