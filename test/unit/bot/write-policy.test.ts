import { normalizeTitle, WritePolicy } from '../../../bot/wiki/write-policy';

describe('WritePolicy', () => {
  const policy = new WritePolicy(['Grants:Knowledge Sharing/Connect', 'User:LetsConnectBot']);

  it('allows the roots and their subpages, whatever the spelling of spaces', () => {
    expect(policy.allows('Grants:Knowledge Sharing/Connect')).toBe(true);
    expect(policy.allows('Grants:Knowledge_Sharing/Connect/Participants/Ann')).toBe(true);
    expect(policy.allows('User:LetsConnectBot/directory.json')).toBe(true);
    expect(policy.allows('user:LetsConnectBot/Shutoff')).toBe(true);
  });

  it('refuses everything else, including look-alike prefixes', () => {
    expect(policy.allows('Grants:Knowledge Sharing/Connected')).toBe(false);
    expect(policy.allows('Grants:Knowledge Sharing')).toBe(false);
    expect(policy.allows('User:LetsConnectBot2')).toBe(false);
    expect(policy.allows('User talk:LetsConnectBot')).toBe(false);
    expect(policy.allows('MediaWiki:Common.js')).toBe(false);
    expect(policy.allows('Main Page')).toBe(false);
  });
});

describe('normalizeTitle', () => {
  it('folds underscores and repeated spaces and upper-cases the first letters', () => {
    expect(normalizeTitle('  grants:knowledge__Sharing ')).toBe('Grants:Knowledge Sharing');
    expect(normalizeTitle('main_page')).toBe('Main page');
  });
});
