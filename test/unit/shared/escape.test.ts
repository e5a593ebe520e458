import fc from 'fast-check';
import { escapeValue, unescapeValue } from '../../../shared/wikitext/escape';
import { anyString, HOSTILE, RUNS } from './hostile';

/** What must never appear raw in an escaped value. */
const STRUCTURAL = /[|={}[\]<>"~\n\r]|''|__|!!|--/;

describe('escapeValue / unescapeValue', () => {
  it('round-trips every hostile fixture string exactly', () => {
    for (const s of HOSTILE) expect(unescapeValue(escapeValue(s))).toBe(s);
  });

  it('round-trips any string exactly (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => unescapeValue(escapeValue(s)) === s),
      { numRuns: RUNS },
    );
  });

  it('leaves nothing structural in the escaped text (property)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const escaped = escapeValue(s);
        // A value that is one URL alone keeps its scheme (templates link it); nothing else may.
        const out = /^https?:\/\/[^\s[\]<>"{}|]+$/.test(s)
          ? escaped.replace(/^https?:\/\//, '')
          : escaped;
        // Every "&" starts a character reference we wrote.
        const withoutRefs = out.replace(/&(#[0-9]+|amp|lt|gt);/g, '');
        return (
          !STRUCTURAL.test(out) &&
          !withoutRefs.includes('&') &&
          !/^[\s*#:;]/.test(out) &&
          !/\s$/.test(out) &&
          // No bare URL or other scheme MediaWiki would turn into a link.
          !/[A-Za-z]:\S/.test(out) &&
          out.normalize('NFC') === out &&
          !/[\ud800-\udfff\u202a-\u202e\u2066-\u2069\p{Cc}]/u.test(out)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps a typed URL as text, so it cannot run on past a line break as a link', () => {
    const out = escapeValue('see https://example.org/page\nnext line');
    expect(out).toBe('see https&#58;//example.org/page&#10;next line');
    expect(escapeValue('Time: 18:00, ratio 3:4')).toBe('Time: 18:00, ratio 3:4');
    expect(escapeValue('https://x.org/a b')).toBe('https&#58;//x.org/a b');
    expect(escapeValue('https://x.org/{{a}}')).toBe('https&#58;//x.org/&#123;&#123;a&#125;&#125;');
  });

  it('keeps the scheme of a value that is one URL alone, so a template can link it', () => {
    expect(escapeValue('https://commons.wikimedia.org/wiki/File:Clinic.webm')).toBe(
      'https://commons.wikimedia.org/wiki/File&#58;Clinic.webm',
    );
    expect(escapeValue('https://meta.wikimedia.org/w/index.php?title=X&oldid=5')).toBe(
      'https://meta.wikimedia.org/w/index.php?title&#61;X&amp;oldid&#61;5',
    );
  });

  it('keeps ordinary text readable', () => {
    expect(escapeValue("Let's Connect in São Paulo")).toBe("Let's Connect in São Paulo");
    expect(escapeValue('مرحبا بالعالم')).toBe('مرحبا بالعالم');
    expect(escapeValue('budget-development, fundraising')).toBe('budget-development, fundraising');
  });

  it('encodes markup as character references', () => {
    expect(escapeValue('a|b=c')).toBe('a&#124;b&#61;c');
    expect(escapeValue('{{subst:x}}')).toBe('&#123;&#123;subst&#58;x&#125;&#125;');
    expect(escapeValue('~~~~')).toBe('&#126;&#126;&#126;&#126;');
    expect(escapeValue('<script>')).toBe('&lt;script&gt;');
    expect(escapeValue(' x ')).toBe('&#32;x&#32;');
    expect(escapeValue('*a')).toBe('&#42;a');
    expect(escapeValue('a\nb')).toBe('a&#10;b');
    expect(escapeValue('&#124;')).toBe('&amp;#124;');
    expect(escapeValue("''x''")).toBe('&#39;&#39;x&#39;&#39;');
    expect(escapeValue('__NOTOC__')).toBe('&#95;&#95;NOTOC&#95;&#95;');
  });

  it('encodes text that NFC would change, so a save on the wiki keeps it', () => {
    const decomposed = 'Cafe\u0301';
    const out = escapeValue(decomposed);
    expect(out.normalize('NFC')).toBe(out);
    expect(unescapeValue(out.normalize('NFC'))).toBe(decomposed);
    expect(escapeValue('\u037e')).toBe('&#894;');
  });

  it('decodes references people type by hand and keeps unknown ones', () => {
    expect(unescapeValue('R&amp;D &#x7C; &#124; &nbsp;&eacute; & &constructor; &#99999999;')).toBe(
      'R&D | | \u00a0&eacute; & &constructor; &#99999999;',
    );
  });

  it('handles a 10,000-character value', () => {
    const long = 'é|{{~~~~}}\n'.repeat(1000);
    expect(unescapeValue(escapeValue(long))).toBe(long);
  });
});
