/** The hostile-string corpus (test/fixtures/hostile-strings.json) and fast-check arbitraries. */
import fc from 'fast-check';
import corpus from '../../fixtures/hostile-strings.json';

export const HOSTILE: readonly string[] = corpus.strings;

/** Strings of any Unicode code point, of UTF-16 units (unpaired surrogates), and hostile ones. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 5 })), {
        maxLength: 5,
      })
      .map((parts) => parts.join('')),
  },
);

/** Runs of each string-level property (escape.test.ts). */
export const RUNS = 2000;

/** Runs of each record-level property (records-roundtrip.test.ts): two records per run. */
export const RECORD_RUNS = 1000;
