/**
 * A round of proposals on the real wiki for end-to-end tests: a month no other run writes,
 * the bot's round page, working-group members added by the administrator, what is saved read
 * back with the shared codec, and the phone-width check.
 */
import type { Page } from 'playwright-core';
import { connectionsPageTitle, workingGroupPageTitle } from '../../../shared/pages';
import { DEFAULT_ROOT } from '../../../shared/program';
import { parseRecords, replaceRecord, serialiseRecord } from '../../../shared/records/codec';
import { memberCodec } from '../../../shared/records/member';
import { proposalCodec, type Proposal } from '../../../shared/records/proposal';
import { adminClient, botClient } from '../../support/local-wiki';
import { PHONE } from './gadget-pages';

export interface TestRound {
  month: string;
  title: string;
  /** The id of the round's proposal number `n`. */
  id: (n: number) => string;
}

/** A month no other test or bot run writes, fresh for each run (the wiki outlives runs). */
export function freshRound(): TestRound {
  const month = `${2100 + Math.floor(Math.random() * 800)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
  return {
    month,
    title: connectionsPageTitle(DEFAULT_ROOT, month),
    id: (n) => `${month}-${String(n).padStart(3, '0')}`,
  };
}

/** The bot writes the round page with these proposals. */
export async function writeRound(round: TestRound, proposals: readonly Proposal[]): Promise<void> {
  const bot = await botClient();
  const [existing] = await bot.readPages([round.title]);
  const calls = proposals.map((p) => serialiseRecord(proposalCodec, p));
  await bot.save(
    round.title,
    `Match proposals for ${round.month}.\n\n${calls.join('\n')}\n`,
    'Let’s Connect bot: proposals (test)',
    existing?.exists ? (existing.revid ?? null) : null,
  );
}

/** The administrator adds these people to the working group (the page is protected on Meta). */
export async function addToWorkingGroup(usernames: readonly string[]): Promise<void> {
  const admin = await adminClient([DEFAULT_ROOT]);
  const groupTitle = workingGroupPageTitle(DEFAULT_ROOT);
  const [group] = await admin.readPages([groupTitle]);
  let text = group?.content ?? '';
  for (const username of usernames)
    text = replaceRecord(memberCodec, text, null, {
      username,
      role: 'working-group',
      region: '',
      languages: [],
      since: '',
    });
  await admin.save(
    groupTitle,
    text,
    `Add ${usernames.join(', ')} to the working group (test)`,
    group?.exists ? (group.revid ?? null) : null,
  );
}

/** The round's proposals as saved on the wiki, by id. */
export async function proposalsOnWiki(round: TestRound): Promise<Map<string, Proposal>> {
  const bot = await botClient();
  const [page] = await bot.readPages([round.title]);
  return new Map(
    parseRecords(proposalCodec, page!.content ?? '').map((r) => [r.record.id, r.record]),
  );
}

/** Nothing in `selector` reaches past the phone's width (no horizontal scrolling). */
export async function fitsThePhone(page: Page, selector: string): Promise<void> {
  const overflowing =
    await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > ${PHONE.width} || r.left < 0); })
    .map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().left) + '..' + Math.round(el.getBoundingClientRect().right))`);
  expect(overflowing).toEqual([]);
}
