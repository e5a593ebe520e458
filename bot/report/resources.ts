/**
 * The resource centre's index: R/Resources's history, each item attributed to the revision
 * that added it and accepted when its author is the `added-by` person or the working group,
 * written as `R/Resources/By topic` (tables by topic and language) and
 * `User:<bot>/Resources.json` (what the gadget shows on the directory and clinic pages).
 * When R/Resources has not changed since the last run nothing is read again or written.
 */
import type { ResourceEntry, ResourceIndex } from '../../shared/documents/documents';
import { SCHEMA_VERSION } from '../../shared/documents/documents';
import { resourcesDataTitle, resourcesIndexTitle, resourcesPageTitle } from '../../shared/pages';
import { isTemporaryAccount } from '../../shared/accounts';
import { acceptResources } from '../../shared/resources/centre';
import { renderResourcesPage } from '../../shared/reports/resources-page';
import type { Taxonomy } from '../../shared/taxonomy/taxonomy';
import type { RunContext } from '../run-context';
import { generatedStamp } from '../connections/rounds';
import type { WorkingGroup } from '../directory/trust';
import { pageHistory } from '../directory/trust';
import { documentOn, documentText } from '../wiki/documents-io';

export async function indexResources(
  ctx: RunContext,
  wg: WorkingGroup,
  taxonomy: Taxonomy,
  topicLabel: (id: string) => string,
): Promise<{ resources: ResourceEntry[]; rejected: number; pagesRead: number }> {
  const { root, botName } = ctx.config;
  const pageTitle = resourcesPageTitle(root);
  const dataTitle = resourcesDataTitle(botName);
  const pages = await ctx.client.readPages([pageTitle, dataTitle]);
  // The API answers in its own order: find each page by its title.
  const named = (title: string) => pages.find((p) => p.title.replace(/_/g, ' ') === title);
  const page = named(pageTitle);
  const dataPage = named(dataTitle);
  const stored = documentOn(dataPage, 'resources');
  const revid = page?.exists ? (page.revid ?? 0) : 0;
  if (stored && stored.root === root && stored.lastrevid === revid) {
    return { resources: stored.resources, rejected: 0, pagesRead: 0 };
  }
  const history = revid === 0 ? [] : await pageHistory(ctx.client, pageTitle, true);
  const trusted = (user: string) => user === botName || wg.members.has(user);
  const patterns = await ctx.client.temporaryAccountPatterns();
  const { accepted, rejected } = acceptResources(
    history.map((r) => ({ revid: r.revid, user: r.user, content: r.content ?? '' })),
    trusted,
    taxonomy,
    (user) => isTemporaryAccount(user, patterns),
  );
  if (rejected.length > 0) {
    ctx.log.warn('Resource-centre items not accepted (see the index page)', {
      count: rejected.length,
    });
  }
  const doc: ResourceIndex = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'resources',
    generated: generatedStamp(ctx),
    root,
    lastrevid: revid,
    resources: accepted,
  };
  const text = renderResourcesPage(accepted, rejected, {
    t: ctx.t,
    taxonomy,
    topicLabel,
    resourcesPage: pageTitle,
  });
  await ctx.editor.editMany(
    [
      { title: resourcesIndexTitle(root), transform: () => text },
      { title: dataTitle, transform: (current) => documentText(doc, current) },
    ],
    ctx.t('letsconnect-resource-page-summary', accepted.length),
  );
  return { resources: accepted, rejected: rejected.length, pagesRead: history.length };
}
