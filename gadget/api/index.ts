/**
 * Reading and saving the wiki from the gadget: the mw.Api adapter, page I/O with conflict
 * retry, failure kinds, and the bot's published data. Part of the core module
 * (`ext.gadget.letsconnect-core`, through kit/index.ts): views import it only through this
 * file. Pure of DOM and Vue, so the reliability suite drives the same code from Node.
 */
export * from './api-error';
export * from './pages';
export * from './bot-data';
export * from './requests';
export { MwApiWikiClient, type ApiLike } from './mw-wiki-client';
