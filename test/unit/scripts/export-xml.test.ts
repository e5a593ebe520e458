import { toExportXml } from '../../../scripts/seed/import-pages';

describe('toExportXml', () => {
  it('escapes XML-significant characters so page text arrives exactly', () => {
    const xml = toExportXml(
      [
        {
          title: 'A & B',
          content: '<b>"x"</b> & {{subst:y}} ~~~~',
          user: 'Ann <Owner>',
          timestamp: '2026-01-02T03:04:05.678Z',
        },
      ],
      new Date(0),
    );
    expect(xml).toContain('<title>A &amp; B</title>');
    expect(xml).toContain('<username>Ann &lt;Owner&gt;</username>');
    expect(xml).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; {{subst:y}} ~~~~</text>');
    expect(xml).toContain('<timestamp>2026-01-02T03:04:05Z</timestamp>');
  });

  it('refuses text that XML cannot carry instead of importing it damaged', () => {
    expect(() => toExportXml([{ title: 'T', content: 'bell \u0007', user: 'U' }])).toThrow(
      /control character/,
    );
  });
});
