/**
 * The gadget every reader gets: a few hundred bytes that decide whether this page needs Let's
 * Connect at all, and only then load the app (`ext.gadget.letsconnect-app`, with Vue and
 * Codex). Every other page of Meta pays for this file alone, not for Vue, Codex and the app.
 */
import { DEFAULT_ROOT, isUnderRoot } from '../shared/program';

if (
  mw.config.get('wgAction') === 'view' &&
  isUnderRoot(String(mw.config.get('wgPageName')), DEFAULT_ROOT)
) {
  mw.loader.load('ext.gadget.letsconnect-app');
}
