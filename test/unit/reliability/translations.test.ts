/**
 * The translations section of `npm run reliability`, short form: no translation by a
 * temporary account or an IP address is used, no hostile translation is written as markup,
 * and each count can see what it counts.
 */
import {
  runAuthorTrials,
  runMarkupTrials,
  type Render,
  type HistoryRule,
} from '../../../scripts/reliability/translations';

describe('reliability: translations', () => {
  it('uses no translation written by a temporary account or an IP address', () => {
    expect(runAuthorTrials(300, 1).used).toBe(0);
  });

  it('counts what taking the latest revision, whoever wrote it, would use', () => {
    const latest: HistoryRule = (history) => history[history.length - 1]?.content ?? '{}';
    expect(runAuthorTrials(300, 1, latest).used).toBeGreaterThan(50);
  });

  it('writes no hostile translation as wikitext markup', () => {
    const result = runMarkupTrials(300, 1);
    expect(result.examples).toEqual([]);
    expect(result.markup).toBe(0);
  });

  it('counts the markup a bot writing translations as they are would let in', () => {
    const asWritten: Render = (_language, _key, params, text) =>
      text.replace(/\$([1-9])/g, (_, n: string) => params[Number(n) - 1] ?? '');
    expect(runMarkupTrials(300, 1, asWritten).markup).toBeGreaterThan(50);
  });
});
