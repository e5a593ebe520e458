/**
 * The gadget every reader gets: a few hundred bytes that decide whether this page needs Let's
 * Connect at all and which of its views, and only then load those views' modules (each with
 * the shared core, Vue and Codex). Every other page of Meta pays for this file alone.
 */
import { DEFAULT_ROOT, isUnderRoot } from '../shared/program';
import { viewModule, viewsFor } from './routes';

const title = String(mw.config.get('wgPageName')).replace(/_/g, ' ');
if (mw.config.get('wgAction') === 'view' && isUnderRoot(title, DEFAULT_ROOT)) {
  $(() => {
    const placeholders = [...document.querySelectorAll('.letsconnect-app')];
    const isDirectory = (el: Element) => el.classList.contains('letsconnect-directory-app');
    const views = viewsFor({
      root: DEFAULT_ROOT,
      title,
      latest: mw.config.get('wgRevisionId') === mw.config.get('wgCurRevisionId'),
      directoryPlaceholder: placeholders.some(isDirectory),
      otherPlaceholder: placeholders.some((el) => !isDirectory(el)),
    });
    if (views.length > 0) mw.loader.load(views.map(viewModule));
  });
}
