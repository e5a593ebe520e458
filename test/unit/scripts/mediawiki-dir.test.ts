import { mediawikiDir } from '../../../scripts/wiki/config';

describe('mediawikiDir (the MediaWiki tree the local wiki runs)', () => {
  it("is Debian's MediaWiki unless LETSCONNECT_MEDIAWIKI_DIR says otherwise", () => {
    expect(mediawikiDir({})).toBe('/usr/share/mediawiki');
    expect(mediawikiDir({ LETSCONNECT_MEDIAWIKI_DIR: '' })).toBe('/usr/share/mediawiki');
    expect(mediawikiDir({ LETSCONNECT_MEDIAWIKI_DIR: '/opt/mediawiki-1.45/' })).toBe(
      '/opt/mediawiki-1.45',
    );
  });
});
