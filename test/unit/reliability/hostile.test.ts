/**
 * The hostile-input section of `npm run reliability`, short form: every parser and writer
 * fuzzed, no value escapes its field. And the page-structure check is able to see an escape.
 */
import { runFuzz } from '../../../scripts/reliability/hostile';
import { botPages, skeleton } from '../../../scripts/reliability/hostile-pages';

jest.setTimeout(120_000);

describe('reliability: hostile input', () => {
  it('runs thousands of cases and finds no escape', () => {
    const result = runFuzz(300, 1);
    expect(result.failures).toEqual([]);
    expect(result.escapes).toBe(0);
    expect(result.cases).toBeGreaterThan(5000);
  });

  it('the skeleton check sees a value written without escaping', () => {
    const escaped = botPages('}}{{nobots}} [[Category:Spam]]', 'Plain title');
    const plain = botPages('Zz', 'Plain title');
    for (const [i, [, text]] of escaped.entries()) {
      expect(skeleton(text)).toEqual(skeleton(plain[i]![1]));
    }
    const forged = `${plain[0]![1]}\n}}{{nobots}} [[Category:Spam]]`;
    expect(skeleton(forged)).not.toEqual(skeleton(plain[0]![1]));
  });
});
