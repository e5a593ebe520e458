/** The bot's one save path sends Unicode in normal form C (issue 13 §4). */
import { editParams } from '../../../bot/wiki/mwn-client';

describe('editParams', () => {
  it('sends text, summary and title in normal form C', () => {
    // "é" as e + combining acute (NFD), and the Angstrom sign (NFC maps it to Å).
    const decomposed = 'Cafe\u0301 \u212B';
    const params = editParams(`R/${decomposed}`, `text ${decomposed}`, `sum ${decomposed}`, 7);
    expect(params.text).toBe('text Caf\u00e9 \u00c5');
    expect(params.summary).toBe('sum Caf\u00e9 \u00c5');
    expect(params.title).toBe('R/Caf\u00e9 \u00c5');
  });

  it('creates only a new page, and saves an existing one only on top of the revision read', () => {
    expect(editParams('A', 'x', 's', null)).toMatchObject({ createonly: true });
    expect(editParams('A', 'x', 's', null).baserevid).toBeUndefined();
    expect(editParams('A', 'x', 's', 5)).toMatchObject({ baserevid: 5, nocreate: true });
  });
});
