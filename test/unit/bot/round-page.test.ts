import { emptyRound } from '../../../bot/connections/rounds';
import { speaker } from '../../../bot/match/reasons';
import { renderRoundPage } from '../../../bot/match/round-page';
import { talkPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';

describe('the round page', () => {
  it('says who reviews and where to ask to join, not only that buttons come with the gadget', () => {
    const page = renderRoundPage(
      speaker('en', defaultTaxonomy()),
      emptyRound('2026-11', '2026-11-01T00:00Z'),
      DEFAULT_ROOT,
    );
    const intro = page.split('\n')[0]!;
    expect(intro).toContain(`working group ([[:${DEFAULT_ROOT}/Working group|`);
    expect(intro).toContain('administrators included, gets no buttons');
    expect(intro).toContain(
      `ask to join the working group on [[:${DEFAULT_ROOT.replace(':', ' talk:')}/Working group|`,
    );
    expect(intro).not.toContain('buttons appear with');
  });

  it('names the talk page of a page with its namespace', () => {
    expect(talkPageTitle('Grants:Knowledge Sharing/Connect/Working group')).toBe(
      'Grants talk:Knowledge Sharing/Connect/Working group',
    );
    expect(talkPageTitle('User:Bot/x')).toBe('User talk:Bot/x');
    expect(talkPageTitle('Plain')).toBe('Talk:Plain');
  });
});
