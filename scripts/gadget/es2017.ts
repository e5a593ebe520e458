import * as acorn from 'acorn';

/**
 * The ECMAScript level Meta's ResourceLoader validates gadget scripts against (the local
 * 1.39 wiki turns its own, older, validator off): the build parses its output at this level.
 */
export const GADGET_ECMA_VERSION = 2017;

/**
 * Throws unless every script parses as ES2017: a newer syntax esbuild left unlowered
 * (`a ?? b`, `a?.b`, class fields…) would be refused by Meta's validator, and the gadget would
 * not load there. `files` maps a file name to its content; only `.js` files are checked.
 */
export function assertEs2017(files: Record<string, string>): void {
  const failures: string[] = [];
  for (const [name, code] of Object.entries(files)) {
    if (!name.endsWith('.js')) continue;
    try {
      acorn.parse(code, {
        ecmaVersion: GADGET_ECMA_VERSION,
        sourceType: 'script',
        locations: true,
      });
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      const { loc } = e as SyntaxError & { loc?: { line: number; column: number } };
      const at = loc ? `${loc.line}:${loc.column}` : '?';
      const line = loc ? (code.split('\n')[loc.line - 1] ?? '') : '';
      const excerpt = loc ? line.slice(Math.max(0, loc.column - 30), loc.column + 30) : '';
      failures.push(`${name}:${at}: ${e.message} near «${excerpt}»`);
    }
  }
  if (failures.length > 0) {
    throw new Error(
      `The gadget build is not ES${GADGET_ECMA_VERSION}, which Meta requires:\n${failures.join('\n')}`,
    );
  }
}
