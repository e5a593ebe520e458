/**
 * For unit tests that read the wikitext of a bot page: the label module's calls
 * (`{{#invoke:Let's Connect/Labels|msg|key|2=…}}`, shared/labels pageMessage) expanded as the
 * module does for an English reader: a message's text with `{{PLURAL:$n|one|other}}` chosen and
 * `$n` filled; a month as "December 2026"; any other call as `fn(args)`, so a test can still see
 * which label is asked for. The integration tests check the module itself on the wiki.
 */
import en from '../../shared/i18n/en.json';
import { LABEL_MODULE } from '../../shared/labels/labels';

const MESSAGES: ReadonlyMap<string, string> = new Map(
  Object.entries(en).filter((e): e is [string, string] => typeof e[1] === 'string'),
);
const OPEN = `{{#invoke:${LABEL_MODULE}|`;

/** Splits a call's inside on the `|` that are not inside `[[…]]`. */
function splitArguments(inside: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < inside.length; i++) {
    const two = inside.slice(i, i + 2);
    if (two === '[[' || two === ']]') {
      depth += two === '[[' ? 1 : -1;
      current += two;
      i++;
    } else if (inside[i] === '|' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += inside[i];
  }
  parts.push(current);
  return parts;
}

const MONTH = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function expandOne(fn: string, args: string[]): string {
  if (fn === 'month') return MONTH.format(Date.parse(`${args[0]}-01T00:00:00Z`));
  if (fn !== 'msg') return `${fn}(${args.join('|')})`;
  const [key = '', ...rest] = args;
  const params: string[] = [];
  rest.forEach((arg, i) => {
    const named = /^(\d+)=([\s\S]*)$/.exec(arg);
    params[named ? Number(named[1]) - 2 : i] = named ? named[2]! : arg;
  });
  const text = MESSAGES.get(key);
  if (text === undefined) throw new Error(`no English message ${key}`);
  return text
    .replace(/\{\{PLURAL:\$(\d)\|([^}]*)\}\}/g, (_, n: string, forms: string) => {
      const [one = '', other = one] = forms.split('|');
      return Number(params[Number(n) - 1]) === 1 ? one : other;
    })
    .replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? '');
}

/** `wikitext` with every label-module call expanded, innermost first. */
export function expandLabelCalls(wikitext: string): string {
  let text = wikitext;
  for (;;) {
    // The last opening is innermost: nothing after it opens another call.
    const start = text.lastIndexOf(OPEN);
    if (start < 0) return text;
    const end = text.indexOf('}}', start);
    const args = splitArguments(text.slice(start + OPEN.length, end));
    const [fn = '', ...rest] = args;
    text = text.slice(0, start) + expandOne(fn, rest) + text.slice(end + 2);
  }
}
