// banana-i18n ships CommonJS (dist/cjs) but types only for its ES module entry, which a
// CommonJS file may not import. This declares the CommonJS build with those same types.
declare module 'banana-i18n/dist/cjs/banana-i18n.cjs' {
  import type BananaClass from 'banana-i18n' with { 'resolution-mode': 'import' };
  const Banana: typeof BananaClass;
  export default Banana;
}
