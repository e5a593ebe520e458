/**
 * Finds template calls in page text and splits them into parameters, the way MediaWiki's
 * preprocessor does for the cases that matter to us: nested `{{…}}` / `{{{…}}}` and `[[…]]`
 * protect their pipes, comments vanish, `<nowiki>`-like tags are literal, named parameter
 * names and values are trimmed, positional ones are not.
 *
 * Pages are often edited by hand, so this never throws: an unclosed call is cut at the next
 * line that starts another call of ours (or the end of the page) and marked `closed: false`
 * for the caller to report.
 */

import { unescapeValue } from './escape';

export interface RawParam {
  /** Name as written, trimmed; null for a positional parameter. */
  name: string | null;
  /** 1-based position among the call's parameters. */
  position: number;
  /** Value as written: comments removed, trimmed when named, character references intact. */
  raw: string;
  /** 1-based line of the parameter in the page. */
  line: number;
}

export interface TemplateCall {
  /** The template name as written (comments removed, trimmed). */
  name: string;
  /** Offsets in the page text; `end` is exclusive. */
  start: number;
  end: number;
  line: number;
  closed: boolean;
  params: RawParam[];
}

/** Tags whose content MediaWiki takes literally: braces and pipes inside do nothing. */
const LITERAL_TAG = /^<(nowiki|pre|syntaxhighlight|source|math|templatedata)\b[^>]*?(\/?)>/i;

/** Returns the offset just after a comment or literal tag starting at `i`, or -1. */
function skipLiteral(text: string, i: number): number {
  if (text.startsWith('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    return close === -1 ? text.length : close + 3;
  }
  if (text[i] !== '<') return -1;
  const open = LITERAL_TAG.exec(text.slice(i, i + 200));
  if (!open) return -1;
  if (open[2] === '/') return i + open[0].length; // self-closing, e.g. <nowiki/>
  const closeTag = new RegExp(`</${open[1] ?? ''}\\s*>`, 'ig');
  closeTag.lastIndex = i + open[0].length;
  const close = closeTag.exec(text);
  return close ? close.index + close[0].length : text.length;
}

/** Counts lines forward from the last offset asked about, so a whole page costs one pass. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    at = Math.max(at, offset);
    return line;
  };
}

/** `Template:Let's_Connect/Profile ` → `Let's Connect/Profile`. */
export function normaliseTemplateName(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^template\s*:\s*/i, '');
}

/** Characters that never matter to the scanner, matched from a given offset. */
const PLAIN_RUN = /[^{}[\]|=\n<]*/y;

interface Part {
  text: string;
  /** Offset within `text` of the first `=` outside nested markup, or -1. */
  eq: number;
  line: number;
}

/** Scans one call from `start` (at `{{`) up to `limit`; comments are dropped from parts. */
function scanCall(
  text: string,
  start: number,
  limit: number,
  startLine: number,
): { parts: Part[]; end: number } {
  let line = startLine;
  const parts: Part[] = [{ text: '', eq: -1, line }];
  const stack: string[] = [];
  let i = start + 2;
  while (i < limit) {
    const part = parts[parts.length - 1] as Part;
    // Copy a run of ordinary characters in one go: most of a value is plain text.
    PLAIN_RUN.lastIndex = i;
    const run = PLAIN_RUN.exec(text);
    if (run && run[0].length > 0) {
      const chunk = run[0].slice(0, limit - i);
      part.text += chunk;
      i += chunk.length;
      continue;
    }
    const literalEnd = skipLiteral(text, i);
    if (literalEnd !== -1) {
      const chunk = text.slice(i, Math.min(literalEnd, limit));
      if (!chunk.startsWith('<!--')) part.text += chunk;
      line += chunk.split('\n').length - 1;
      i = literalEnd;
      continue;
    }
    const top = stack[stack.length - 1];
    let token = text[i] ?? '';
    if (text.startsWith('{{{', i)) token = '{{{';
    else if (text.startsWith('{{', i)) token = '{{';
    else if (text.startsWith('[[', i)) token = '[[';
    else if (top === '{{{' && text.startsWith('}}}', i)) token = '}}}';
    else if (text.startsWith('}}', i)) token = '}}';
    else if (text.startsWith(']]', i)) token = ']]';

    if (token === '}}' && top === undefined) return { parts, end: i + 2 };
    if (token === '{{' || token === '{{{' || token === '[[') stack.push(token);
    else if (
      (token === '}}' && top === '{{') ||
      token === '}}}' ||
      (token === ']]' && top === '[[')
    )
      stack.pop();
    else if (token === '|' && top === undefined) {
      parts.push({ text: '', eq: -1, line });
      i++;
      continue;
    } else if (token === '=' && top === undefined && part.eq === -1) part.eq = part.text.length;
    else if (token === '\n') line++;
    part.text += token;
    i += token.length;
  }
  return { parts, end: -1 };
}

function toParams(parts: readonly Part[]): RawParam[] {
  return parts.slice(1).map((part, index) => {
    if (part.eq === -1) return { name: null, position: index + 1, raw: part.text, line: part.line };
    return {
      name: part.text.slice(0, part.eq).trim(),
      position: index + 1,
      raw: part.text.slice(part.eq + 1).trim(),
      line: part.line,
    };
  });
}

/** Reads the name of a call starting at `i` (at `{{`), without scanning its body. */
function peekName(text: string, i: number): string {
  const rest = text.slice(i + 2, i + 2 + 300);
  const stop = rest.search(/[|{}]/);
  return normaliseTemplateName(stop === -1 ? rest : rest.slice(0, stop));
}

/**
 * Finds every call whose normalised name satisfies `wanted`, in page order. Calls of other
 * templates are looked into (ours may be nested in them); ours are not (a call of ours inside
 * one of our values is part of that value).
 */
export function findTemplateCalls(text: string, wanted: (name: string) => boolean): TemplateCall[] {
  const calls: TemplateCall[] = [];
  const lineAt = lineCounter(text);
  let i = 0;
  while (i < text.length) {
    const literalEnd = skipLiteral(text, i);
    if (literalEnd !== -1) {
      i = literalEnd;
      continue;
    }
    if (!text.startsWith('{{', i) || !wanted(peekName(text, i))) {
      i++;
      continue;
    }
    const line = lineAt(i);
    let { parts, end } = scanCall(text, i, text.length, line);
    const closed = end !== -1;
    if (!closed) {
      // Cut an unclosed call at the next line that starts another call of ours.
      let cut = text.indexOf('\n{{', i + 2);
      while (cut !== -1 && !wanted(peekName(text, cut + 1))) cut = text.indexOf('\n{{', cut + 1);
      end = cut === -1 ? text.length : cut;
      parts = scanCall(text, i, end, line).parts;
      const last = parts[parts.length - 1] as Part;
      last.text = last.text.replace(/\s*\}?\s*$/, ''); // a lone "}" was one brace short
    }
    calls.push({
      name: (parts[0] as Part).text.trim(),
      start: i,
      end,
      line,
      closed,
      params: toParams(parts),
    });
    i = end;
  }
  return calls;
}

/** Decodes a raw value: `<nowiki>` wrappers go, character references are decoded. */
export function rawToText(raw: string): string {
  return unescapeValue(raw.replace(/<nowiki\s*\/>|<\/?nowiki\s*>/gi, ''));
}
