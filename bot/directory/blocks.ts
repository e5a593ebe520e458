/**
 * Accounts blocked on the whole wiki. A blocked person is not listed, matched or messaged
 * while the block lasts (their profile is kept, and comes back when the block ends): the
 * program should not introduce anyone to an account the community has stopped. One listing
 * of every active account block, 500 (5,000 with high limits) a request, whatever the number
 * of profiles; partial blocks (a page or namespace) do not count.
 */
import type { MwnWikiClient } from '../wiki/mwn-client';

export async function blockedAccounts(client: MwnWikiClient): Promise<Set<string>> {
  const responses = await client.bot.continuedQuery(
    {
      action: 'query',
      list: 'blocks',
      bkshow: 'account',
      bkprop: ['user', 'flags'],
      bklimit: 'max',
    },
    Infinity,
  );
  const out = new Set<string>();
  for (const r of responses) {
    const blocks =
      (r.query as { blocks?: Array<{ user?: string; partial?: boolean }> } | undefined)?.blocks ??
      [];
    for (const b of blocks) if (b.user && !b.partial) out.add(b.user);
  }
  return out;
}
