/**
 * Adding an item to R/Resources, which anyone may edit at any time: the new call is appended
 * to the page's newest text and saved against that revision; when someone saved first, the
 * page is read again and the call appended to what is there now (up to SAVE_ATTEMPTS). Text
 * computed from an old revision is never saved, so no one else's item can be lost.
 * (MediaWiki's `appendtext` would not conflict either, but it bypasses the WikiClient
 * contract that every save in this project goes through, and the fake wiki of the tests.)
 */
import { resourcesPageTitle } from '../../../shared/pages';
import type { Resource } from '../../../shared/records/resource';
import { appendResource } from '../../../shared/resources/centre';
import type { WikiClient } from '../../../shared/wiki-client';
import { failed, readPage, saveWithRetry, type Failed } from '../../api';

export type AddResult = { kind: 'saved'; revid: number | null } | Failed;

export async function addResource(
  client: WikiClient,
  root: string,
  resource: Resource,
  summary: string,
): Promise<AddResult> {
  try {
    const page = await readPage(client, resourcesPageTitle(root));
    const result = await saveWithRetry<never>(client, page, summary, (current) => ({
      text: appendResource(current.text, resource),
    }));
    if ('saved' in result) return { kind: 'saved', revid: result.saved.revid };
    if ('kind' in result) return result;
    // saveWithRetry stops only when `edit` says so, and appending never does.
    return failed(new Error('stopped'));
  } catch (err) {
    return failed(err);
  }
}
