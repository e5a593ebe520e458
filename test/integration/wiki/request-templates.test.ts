/**
 * The request, answer and reply templates speak the reader's language through issue 14's
 * label module (`?uselang=`): the format and direction words, the answer and the reply come
 * from the messages, not from English text in the templates; no id of the data contract shows.
 * On a wiki of its own (port 8362), seeded with the program's templates and module.
 */
import { requestsPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { serialiseRecord } from '../../../shared/records/codec';
import { answerCodec, replyCodec, requestCodec } from '../../../shared/records/request';
import { importPages } from '../../../scripts/seed/import-pages';
import { seedProgram } from '../../../scripts/seed/seed-program';
import { findRawIds, renderedPageText } from '../../support/raw-ids';
import { startThrowawayWiki } from '../../support/throwaway-wiki';

jest.setTimeout(300_000);

let stack: Awaited<ReturnType<typeof startThrowawayWiki>>;
const title = requestsPageTitle(DEFAULT_ROOT, 'Ana Asker');

beforeAll(async () => {
  stack = await startThrowawayWiki(8362);
  await seedProgram({ wiki: stack.wiki, profiles: 0, log: () => undefined });
  const content = [
    serialiseRecord(requestCodec, {
      id: 'r1',
      to: 'Bea Sharer',
      topic: 'fundraising',
      direction: 'learn',
      format: 'one-to-one',
      note: '',
      asked: '2026-12-01T10:00Z',
    }),
    serialiseRecord(requestCodec, {
      id: 'r2',
      to: 'Cy Learner',
      topic: 'fundraising',
      direction: 'share',
      format: 'resource-sharing',
      note: '',
      asked: '',
    }),
    serialiseRecord(answerCodec, {
      from: 'Dee',
      request: 'r4',
      answer: 'decline',
      answered: '2026-12-02T09:00Z',
    }),
    serialiseRecord(replyCodec, {
      proposal: '2026-12-003',
      reply: 'not-this-month',
      reason: '',
      replied: '2026-12-03T08:00Z',
    }),
  ].join('\n');
  importPages(stack.wiki, [{ title, user: 'Ana Asker', content }]);
});

afterAll(async () => {
  await stack?.stop();
});

describe('request, answer and reply templates', () => {
  it.each([
    [
      'en',
      [
        'Request r1 to Bea Sharer: would like to learn Fundraising (a 1:1 coffee or tea) – asked',
        'Request r2 to Cy Learner: offers to share Fundraising (sharing resources)',
        'Declined the request r4 from Dee on',
        'On the proposed connection 2026-12-003: Not this month (',
      ],
    ],
    [
      'es',
      [
        'Solicitud r1 a Bea Sharer: quiere aprender Recaudación de fondos (un café o té 1:1) – enviada el',
        'Solicitud r2 a Cy Learner: ofrece compartir Recaudación de fondos',
        'Rechazó la solicitud r4 de Dee el',
        'Sobre la conexión propuesta 2026-12-003: Este mes no (',
      ],
    ],
    [
      'ar',
      [
        'الطلب r1 إلى Bea Sharer: يودّ تعلّم جمع التبرعات (لقاء قهوة أو شاي ثنائي)',
        'رفض الطلب r4 من Dee',
        'بشأن التواصل المقترح 2026-12-003: ليس هذا الشهر',
      ],
    ],
  ])('in %s, with no raw id', async (language, lines) => {
    // Tags become spaces in the visible text ("Bea Sharer :" after a link): not a reader's concern.
    const text = (await renderedPageText(stack.wiki.apiUrl, title, language))
      .replace(/\s+/g, ' ')
      .replace(/ ([:)])/g, '$1');
    for (const line of lines) expect(text).toContain(line);
    expect(findRawIds(text)).toEqual([]);
    if (language !== 'en') {
      for (const english of ['would like to learn', 'coffee or tea', 'Declined', 'not this month'])
        expect(text).not.toContain(english);
    }
  });
});
