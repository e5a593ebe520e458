import { sameContent, withDefinitionLine } from '../../../scripts/gadget/deploy';

const LINE = '* letsconnect[ResourceLoader|package|default]|letsconnect.js|letsconnect.css';

describe('withDefinitionLine', () => {
  it('adds our line to an empty definition page', () => {
    expect(withDefinitionLine('', LINE)).toBe(`${LINE}\n`);
  });

  it('keeps other gadgets and appends ours', () => {
    const current = '== tools ==\n* other[ResourceLoader]|other.js\n';
    expect(withDefinitionLine(current, LINE)).toBe(
      `== tools ==\n* other[ResourceLoader]|other.js\n${LINE}\n`,
    );
  });

  it('replaces an older line of ours in place, once', () => {
    const current =
      '* a[ResourceLoader]|a.js\n* letsconnect[ResourceLoader|hidden]|old.js\n* b[ResourceLoader]|b.js';
    const result = withDefinitionLine(current, LINE);
    expect(result.split('\n').filter((l) => l.includes('letsconnect['))).toEqual([LINE]);
    expect(result).toBe(`* a[ResourceLoader]|a.js\n${LINE}\n* b[ResourceLoader]|b.js\n`);
  });

  it('puts the loader and app lines in place of the old ones, where the first was', () => {
    const block =
      '* letsconnect[ResourceLoader|default]|letsconnect.js\n* letsconnect-app[ResourceLoader|package]|letsconnect-app.js';
    const current =
      '* a[ResourceLoader]|a.js\n* letsconnect[ResourceLoader|package|default]|old.js\n* b[ResourceLoader]|b.js\n* letsconnect-app[ResourceLoader]|older.js';
    expect(withDefinitionLine(current, block)).toBe(
      `* a[ResourceLoader]|a.js\n${block}\n* b[ResourceLoader]|b.js\n`,
    );
    expect(withDefinitionLine(withDefinitionLine(current, block), block)).toBe(
      withDefinitionLine(current, block),
    );
  });

  it('does not mistake a gadget whose name starts with ours', () => {
    const current = '* letsconnectextra[ResourceLoader]|x.js';
    expect(withDefinitionLine(current, LINE)).toBe(`${current}\n${LINE}\n`);
  });
});

describe('sameContent', () => {
  it('compares JSON pages by value, as MediaWiki pretty-prints them', () => {
    expect(
      sameContent('MediaWiki:Gadget-x-messages-fr.json', '{\n\t"a": "b"\n}', '{"a":"b"}'),
    ).toBe(true);
    expect(
      sameContent('MediaWiki:Gadget-x-messages-fr.json', '{\n\t"a": "c"\n}', '{"a":"b"}'),
    ).toBe(false);
  });

  it('compares other pages as text, ignoring the trailing whitespace MediaWiki trims', () => {
    expect(sameContent('MediaWiki:Gadget-x.js', 'code\n', 'code\n\n')).toBe(true);
    expect(sameContent('MediaWiki:Gadget-x.js', '{"a":"b"}', '{\n"a":"b"}')).toBe(false);
  });
});
