import { assertEs2017 } from '../../../scripts/gadget/es2017';
import { buildGadget } from '../../../scripts/gadget/build';

describe('assertEs2017 (the build parses its scripts as Meta validates them)', () => {
  it('accepts ES2017: async functions, exponentiation, template literals, classes', () => {
    expect(() =>
      assertEs2017({
        'a.js': 'async function f(x){await x;return 2**3+`${x}`}class A{m(){return 1}}',
      }),
    ).not.toThrow();
  });

  it.each([
    ['nullish coalescing', 'var c=a??b;'],
    ['optional chaining', 'var c=a?.b;'],
    ['object spread', 'var c={...a};'],
    ['a class field', 'class A{x=1}'],
    ['a Unicode property escape', 'var r=/\\p{L}/u;'],
    ['a dotAll flag', 'var r=/a.b/s;'],
  ])('refuses %s, naming the file and the place', (_name, code) => {
    expect(() =>
      assertEs2017({ 'ok.js': 'var a=1;', 'letsconnect-x.js': `var a;\n${code}` }),
    ).toThrow(/letsconnect-x\.js:2:\d+/);
  });

  it('checks only scripts', () => {
    expect(() => assertEs2017({ 'x.css': 'a ?? b', 'x.json': '{"a":"b?.c"}' })).not.toThrow();
  });

  it("passes the gadget's own build", async () => {
    const build = await buildGadget();
    expect(() => assertEs2017(build.files)).not.toThrow();
    expect(Object.keys(build.files).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(2);
  });
});
