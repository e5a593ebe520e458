/**
 * Writes a template call, one parameter per line, every value through `escapeValue`.
 * This is the only place that turns a record into wikitext, so no writer can forget to
 * escape (mwn's `Mwn.template` does not escape at all).
 */
import { escapeValue } from './escape';

/** Ordered `[name, value]` pairs; values are plain text, not yet escaped. */
export type ParamList = ReadonlyArray<readonly [string, string]>;

/** Parameter names are ours, from code: lower-case words joined by hyphens. */
const PARAM_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function writeTemplateCall(template: string, params: ParamList): string {
  const lines = [`{{${template}`];
  for (const [name, value] of params) {
    if (!PARAM_NAME.test(name)) throw new Error(`Not a parameter name: ${JSON.stringify(name)}`);
    lines.push(`| ${name} = ${escapeValue(value)}`);
  }
  lines.push('}}');
  return lines.join('\n');
}
