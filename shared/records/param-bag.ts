/**
 * Resolves the raw parameters of one template call against the parameter names a record
 * type knows, reporting everything a hand edit can get wrong: positional parameters,
 * unknown names, private data, duplicates, wrong case or spelling of a name.
 *
 * Which value wins when a parameter is given twice: the same one MediaWiki renders. A name
 * written exactly beats a variant spelling (`Username`, `user_name`); among equals the last
 * one wins. The others stay in the page source and are reported, never dropped silently.
 */
import { problem, type Problem } from '../problems';
import { rawToText, type RawParam } from '../wikitext/template-calls';

/**
 * Names nobody may publish on-wiki (the design forbids email, gender and age). A call
 * carrying one is reported as an error and its value is neither kept nor echoed.
 */
const PRIVATE_PARAM =
  /^(e-?mail(-address)?|mail|gender|sex|pronouns?|age|birth(day|date|-date|-year)?|date-of-birth|dob|year-of-birth|born|phone(-number)?|telephone|mobile|(home-|postal-)?address)$/;

/** `User_Name ` → `user-name`: how people misspell our names, folded for matching. */
export function foldParamName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

interface Candidate {
  written: string;
  value: string;
  exact: boolean;
  line: number;
}

/** What the wildcards in a canonical name match: `#` a number 1–99, `@` a language code. */
const WILDCARDS: ReadonlyArray<[string, string]> = [
  ['#', '([1-9][0-9]?)'],
  ['@', '([a-z]{2,3}(?:-[a-z0-9]{2,8})*)'],
];

function patternOf(name: string): RegExp {
  let source = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [wildcard, group] of WILDCARDS) source = source.replace(wildcard, group);
  return new RegExp(`^${source}$`);
}

const isPattern = (name: string): boolean => WILDCARDS.some(([w]) => name.includes(w));

/**
 * `names` are the canonical parameter names; `#` in a name stands for a number from 1 to 99
 * (`group#` matches `group1` … `group99`), `@` for a language code (`label-@`).
 */
export class ParamBag {
  readonly problems: Problem[] = [];
  /** Unknown parameters, decoded, in page order: reported, and kept for the writer. */
  readonly unknown: Array<[string, string]> = [];
  private readonly values = new Map<string, string>();

  constructor(params: readonly RawParam[], names: readonly string[]) {
    const exactNames = new Set(names.filter((n) => !isPattern(n)));
    const patterns = names.filter(isPattern).map((n) => ({ re: patternOf(n), name: n }));
    const canonicalOf = (folded: string): string | null => {
      if (exactNames.has(folded)) return folded;
      for (const { re, name } of patterns) {
        const m = re.exec(folded);
        const part = m?.[1];
        if (part !== undefined)
          return name.replace(/[#@]/, /^[0-9]+$/.test(part) ? String(Number(part)) : part);
      }
      return null;
    };

    const candidates = new Map<string, Candidate[]>();
    for (const param of params) {
      const value = rawToText(param.raw);
      if (param.name === null) {
        if (value.trim() !== '') {
          const p = problem(String(param.position), 'letsconnect-problem-param-positional', [
            param.position,
            value,
          ]);
          this.problems.push({ ...p, line: param.line });
        }
        continue;
      }
      const folded = foldParamName(param.name);
      if (PRIVATE_PARAM.test(folded)) {
        const p = problem(param.name, 'letsconnect-problem-param-private', [param.name]);
        this.problems.push({ ...p, line: param.line });
        continue;
      }
      const canonical = canonicalOf(folded);
      if (canonical === null) {
        this.unknown.push([param.name, value]);
        const p = problem(
          param.name,
          'letsconnect-problem-param-unknown',
          [param.name, value],
          'warning',
        );
        this.problems.push({ ...p, line: param.line });
        continue;
      }
      const list = candidates.get(canonical) ?? [];
      list.push({ written: param.name, value, exact: param.name === canonical, line: param.line });
      candidates.set(canonical, list);
    }

    for (const [canonical, list] of candidates) {
      const exact = list.filter((c) => c.exact);
      const pool = exact.length > 0 ? exact : list;
      const winner = pool[pool.length - 1];
      if (!winner) continue;
      this.values.set(canonical, winner.value);
      for (const c of list) {
        if (!c.exact) {
          const p = problem(
            canonical,
            'letsconnect-problem-param-case',
            [c.written, canonical],
            'warning',
          );
          this.problems.push({ ...p, line: c.line });
        }
      }
      if (list.length > 1) {
        const params = [canonical, list.length, winner.value];
        const p = problem(canonical, 'letsconnect-problem-param-duplicate', params, 'warning');
        this.problems.push({ ...p, line: winner.line });
      }
    }
  }

  /** The decoded value, or '' when the parameter is absent. */
  get(name: string): string {
    return this.values.get(name) ?? '';
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** What fills the wildcard of a pattern such as `label-@`, for each name present. */
  wildcardValues(pattern: string): string[] {
    const re = patternOf(pattern);
    const found: string[] = [];
    for (const name of this.values.keys()) {
      const part = re.exec(name)?.[1];
      if (part !== undefined) found.push(part);
    }
    return found;
  }

  /** The numbers present for a numbered name such as `group#`, ascending. */
  numbersOf(pattern: string): number[] {
    return [...new Set(this.wildcardValues(pattern).map(Number))].sort((a, b) => a - b);
  }

  report(p: Problem): void {
    this.problems.push(p);
  }
}
