// Provided by scripts/gadget/build.ts. English is bundled; the other languages are JSON
// pages (MediaWiki:Gadget-letsconnect-messages-<lang>.json) fetched when a reader needs them.
declare module 'letsconnect:messages' {
  const bundle: Record<string, Record<string, string>>;
  export default bundle;
}

declare module 'letsconnect:message-languages' {
  const available: { languages: string[]; version: string };
  export default available;
}
