// Provided by scripts/build-gadget.ts: every shared/i18n/<lang>.json except qqq.
declare module 'letsconnect:messages' {
  const bundle: Record<string, Record<string, string>>;
  export default bundle;
}
