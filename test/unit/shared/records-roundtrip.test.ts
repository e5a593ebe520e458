/**
 * Every record type, both ways: parse(serialise(record)) gives the record back exactly, with
 * no problems, for any free text; and a hostile value never changes the page's structure.
 */
import fc from 'fast-check';
import { parseRecords, serialiseRecord } from '../../../shared/records/codec';
import { findTemplateCalls } from '../../../shared/wikitext/template-calls';
import { CODEC_CASES, poison } from './arbitraries';
import { HOSTILE, RECORD_RUNS } from './hostile';

describe.each(CODEC_CASES)('%s record', (_name, codec, arb) => {
  it('round-trips exactly, alone and among other text and records (property)', () => {
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const page = `Intro {{Other|x=1}}\n${serialiseRecord(codec, a as never)}\ntext\n${serialiseRecord(codec, b as never)}\n`;
        const parsed = parseRecords(codec, page);
        expect(parsed).toHaveLength(2);
        expect(parsed[0]?.record).toEqual(a);
        expect(parsed[1]?.record).toEqual(b);
        expect(parsed[0]?.problems).toEqual([]);
        expect(parsed[1]?.problems).toEqual([]);
      }),
      { numRuns: RECORD_RUNS },
    );
  });

  it('a hostile value in every text field yields one call with exactly the expected parameters', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...HOSTILE), (record, hostile) => {
        const poisoned = poison(record, hostile);
        const text = serialiseRecord(codec, poisoned as never);
        const calls = findTemplateCalls(text, () => true);
        expect(calls).toHaveLength(1);
        const expected = codec
          .toParams(poisoned as never)
          .filter(([, v]) => v !== '')
          .map(([n]) => n);
        expect(calls[0]?.params.map((p) => p.name)).toEqual(expected);
        expect(calls[0]?.closed).toBe(true);
        expect(text.split('\n')).toHaveLength(expected.length + 2);
      }),
      { numRuns: 300 },
    );
  });
});
