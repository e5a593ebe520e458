/** What the build's `letsconnect:message-languages` module holds: the other languages' list. */
export default { languages: [] as string[], version: 'test' };
