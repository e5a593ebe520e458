/** The skills directory's module: the search view on the bot's directory placeholder. */
import { queryFromParams, queryToParams, QUERY_PARAM_NAMES } from '../../../shared/directory/query';
import type { DirectoryQuery } from '../../../shared/directory/query';
import { loadDirectory, startView } from '../../kit';
import { DirectoryView } from './DirectoryView';

/** The filters live in the URL (replaced, not pushed: typing must not flood the history). */
function writeQueryToUrl(query: DirectoryQuery): void {
  const url = new URL(window.location.href);
  for (const name of QUERY_PARAM_NAMES) url.searchParams.delete(name);
  for (const [name, value] of queryToParams(query)) url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, '', url.toString());
}

/** With the search view on the page, the bot's no-JavaScript directory table after it is redundant. */
function hideStaticDirectory(el: HTMLElement): void {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
    if (next instanceof HTMLElement && next.matches('table[class*="letsconnect-directory"]')) {
      next.hidden = true;
    }
  }
}

startView('directory', (ctx) => ({
  component: DirectoryView,
  props: {
    load: () => loadDirectory(ctx.client, ctx.root, ctx.botName),
    initialQuery: queryFromParams((name) => ctx.params.get(name)),
    'onUpdate:query': writeQueryToUrl,
    asking: { client: ctx.client, root: ctx.root, botName: ctx.botName },
  },
  after: hideStaticDirectory,
}));
