/**
 * Night mode: every colour of the gadget and the templates is a Codex design token. The
 * style sheets use colours only as `var(--token, light value)`, each token one Codex has, its
 * fallback the token's light value (what 1.39 and wikis without the tokens show); components
 * and templates carry no colour of their own.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Codex's light token values (`--name: value;`), as the package ships them. */
const LIGHT: Map<string, string> = new Map(
  [
    ...fs
      .readFileSync(
        require.resolve('@wikimedia/codex-design-tokens/dist/theme-wikimedia-ui-root.css'),
        'utf8',
      )
      .matchAll(/^\s*(--[a-z0-9-]+):\s*([^;]+);/gm),
  ].map((m) => [m[1]!, m[2]!.trim().toLowerCase()]),
);

const COLOUR = /#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/g;

function files(dir: string, ext: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => path.join(dir, f));
}

/** Colours in a style sheet that are not a token's fallback, and tokens used wrongly. */
function problemsIn(css: string): string[] {
  const problems: string[] = [];
  const tokens = /var\(\s*(--[a-z0-9-]+)\s*(?:,\s*([^)]+))?\)/g;
  for (const m of css.matchAll(tokens)) {
    const [, name, fallback] = m;
    const light = LIGHT.get(name!);
    if (light === undefined) problems.push(`${name} is no Codex token`);
    else if (fallback?.trim().toLowerCase() !== light)
      problems.push(`${name}: fallback ${fallback} is not its light value ${light}`);
  }
  const outside = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(tokens, '');
  for (const m of outside.matchAll(COLOUR)) problems.push(`a colour outside a token: ${m[0]}`);
  return problems;
}

describe('colours come from Codex design tokens', () => {
  it('knows the light values', () => {
    expect(LIGHT.get('--background-color-base')).toBe('#fff');
    expect(LIGHT.get('--color-subtle')).toBe('#54595d');
  });

  it('finds a hard-coded colour and a wrong fallback', () => {
    expect(problemsIn('a { color: #54595d; }')).toHaveLength(1);
    expect(problemsIn('a { color: var(--color-subtle, #72777d); }')).toHaveLength(1);
    expect(problemsIn('a { color: var(--colour-made-up, #fff); }')).toHaveLength(1);
    expect(problemsIn('a { color: var(--color-subtle, #54595d); }')).toEqual([]);
  });

  it.each(['gadget/styles.css', 'gadget/pages.css'])('%s', (file) => {
    expect(problemsIn(read(file))).toEqual([]);
  });

  it('components carry no colour of their own', () => {
    const found = files('gadget', /\.tsx?$/).flatMap((file) =>
      [...read(file).matchAll(COLOUR)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('templates have no colour in their inline styles', () => {
    const found = files('shared/templates', /\.wikitext$/).flatMap((file) =>
      [...read(file).matchAll(/style="[^"]*"/g)]
        .filter((m) => /colou?r|background|border|#[0-9a-f]{3}/i.test(m[0]))
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
