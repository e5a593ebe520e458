import { messageText, reasonsText, speaker } from '../../../bot/match/reasons';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';

describe("the engine's reasons as sentences", () => {
  const taxonomy = defaultTaxonomy();

  it("names topics, languages and regions instead of their ids, in the reader's language", () => {
    const en = speaker('en', taxonomy);
    expect(
      reasonsText(en, [
        { key: 'letsconnect-match-reason-topic-exact', params: ['growth-paths'] },
        { key: 'letsconnect-match-reason-languages', params: ['es, fr'] },
        { key: 'letsconnect-match-reason-rare-region', params: ['south-asia'] },
      ]),
    ).toBe(
      'The learner wants to learn Understanding different growth paths, levels and needs, which the sharer shares. Common languages: Spanish, French. Sharers from South Asia are rarely seen; this gives them room.',
    );
    const es = messageText(speaker('es', taxonomy), {
      key: 'letsconnect-match-reason-languages',
      params: ['en'],
    });
    expect(es).toContain('inglés');
  });

  it('leaves values it does not know as they are', () => {
    expect(
      messageText(speaker('en', taxonomy), {
        key: 'letsconnect-match-unmatched-no-sharer',
        params: ['made-up-topic'],
      }),
    ).toContain('made-up-topic');
  });
});
