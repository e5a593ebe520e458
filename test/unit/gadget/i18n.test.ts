import { messagesFor, withCommunity } from '../../../gadget/i18n';

describe('messagesFor', () => {
  const bundle = {
    en: { greet: 'Hello', bye: 'Bye', only: 'English only' },
    pt: { greet: 'Olá', bye: 'Tchau' },
    'pt-br': { greet: 'Oi' },
  };

  it('takes each key from the first language of the fallback chain that has it', () => {
    expect(messagesFor(bundle, ['pt-br', 'pt', 'en'])).toEqual({
      greet: 'Oi',
      bye: 'Tchau',
      only: 'English only',
    });
  });

  it('falls back to English for a language with no messages', () => {
    expect(messagesFor(bundle, ['xx'])).toEqual(bundle.en);
  });

  it('never copies file metadata into messages', () => {
    expect(messagesFor({ en: { '@metadata': 'x', a: 'b' } }, ['en'])).toEqual({ a: 'b' });
  });
});

describe('withCommunity', () => {
  const bundle = { en: { a: 'Join', b: 'Hello $1' }, fr: { a: 'Rejoindre', b: 'Bonjour $1' } };

  it("puts the community's translations over the repository's, key by key, English after", () => {
    const merged = withCommunity(bundle, { de: { a: 'Mitmachen' }, fr: { a: 'Participer' } });
    expect(messagesFor(merged, ['de', 'en'])).toEqual({ a: 'Mitmachen', b: 'Hello $1' });
    expect(messagesFor(merged, ['fr', 'en'])).toEqual({ a: 'Participer', b: 'Bonjour $1' });
  });

  it('drops a key whose placeholders no longer match the English the gadget ships', () => {
    const merged = withCommunity(bundle, { de: { b: 'Hallo', zz: 'x' } });
    expect(messagesFor(merged, ['de', 'en'])).toEqual({ a: 'Join', b: 'Hello $1' });
  });

  it('never lets the community change English', () => {
    expect(withCommunity(bundle, { en: { a: 'Pwned' } }).en).toEqual(bundle.en);
  });
});
