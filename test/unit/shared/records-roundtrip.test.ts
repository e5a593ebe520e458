/**
 * Every record type, both ways: parse(serialise(record)) gives the record back exactly, with
 * no problems, for any free text; and a hostile value never changes the page's structure.
 */
import fc from 'fast-check';
import { clinicCodec, feedbackCodec, signupCodec } from '../../../shared/records/clinic';
import { parseRecords, serialiseRecord, type RecordCodec } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { profileCodec } from '../../../shared/records/profile';
import { outcomeCodec, proposalCodec } from '../../../shared/records/proposal';
import { resourceCodec } from '../../../shared/records/resource';
import { topicCodec } from '../../../shared/records/topic';
import { findTemplateCalls } from '../../../shared/wikitext/template-calls';
import * as A from './arbitraries';
import { HOSTILE, RECORD_RUNS } from './hostile';

const CASES: Array<[string, RecordCodec<never>, fc.Arbitrary<unknown>]> = [
  ['profile', profileCodec as RecordCodec<never>, A.profileArb],
  ['topic', topicCodec as RecordCodec<never>, A.topicArb],
  ['member', memberCodec as RecordCodec<never>, A.memberArb],
  ['proposal', proposalCodec as RecordCodec<never>, A.proposalArb],
  ['outcome', outcomeCodec as RecordCodec<never>, A.outcomeArb],
  ['clinic', clinicCodec as RecordCodec<never>, A.clinicArb],
  ['sign-up', signupCodec as RecordCodec<never>, A.signupArb],
  ['feedback', feedbackCodec as RecordCodec<never>, A.feedbackArb],
  ['resource', resourceCodec as RecordCodec<never>, A.resourceArb],
];

describe.each(CASES)('%s record', (_name, codec, arb) => {
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

/** Replaces every non-empty free-text string of a record (at any depth) with `hostile`. */
function poison(value: unknown, hostile: string): unknown {
  if (typeof value === 'string')
    return value === '' || /^[a-z0-9:/._-]+$/i.test(value) ? value : hostile;
  if (Array.isArray(value)) return value.map((v) => poison(v, hostile));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, hostile)]));
  }
  return value;
}
