import { messagesFor } from '../../../gadget/i18n';

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
