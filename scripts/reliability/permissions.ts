/**
 * Permissions: people acting where they do not belong, each refused or ignored as DESIGN.md
 * says and listed for review. Edits are made as their authors with MediaWiki's importer
 * (each revision attributed to its account), then the bot's whole pipeline runs.
 *
 * Cases: a profile written by someone else (forged) · a proposal approved by a non-member ·
 * the working-group list edited by a non-member (who then approves) ·
 * a withdrawn participant · input naming pages outside the
 * bot's space (a topic id and a user name that try to point its writes elsewhere) · a direct
 * write outside the allowed pages · the shutoff page saying stop.
 */
import { MwnWikiClient } from '../../bot/wiki/mwn-client';
import { readDocument } from '../../shared/documents/read-document';
import {
  connectionsPageTitle,
  directoryIndexTitle,
  maintenancePageTitle,
  profilePageTitle,
  topicsPageTitle,
  workingGroupPageTitle,
} from '../../shared/pages';
import { DEFAULT_BOT_NAME, DEFAULT_ROOT, shutoffPageTitle } from '../../shared/program';
import { parseRecords, serialiseRecord } from '../../shared/records/codec';
import { profileCodec, type Profile } from '../../shared/records/profile';
import { proposalCodec } from '../../shared/records/proposal';
import { memberCodec } from '../../shared/records/member';
import { topicCodec } from '../../shared/records/topic';
import path from 'node:path';
import { run } from '../lib/exec';
import { importPages } from '../seed/import-pages';
import { MEDIAWIKI_DIR, phpEnv } from '../wiki/config';
import type { Figure, ReliabilityOptions, ReliabilitySection } from './types';
import { startStack, type WikiStack } from './wiki-stack';

export interface PermissionCase {
  name: string;
  refused: boolean;
  detail: string;
}

const later = (): string => new Date(Date.now() + 1000).toISOString();

async function read(stack: WikiStack, title: string): Promise<string> {
  const admin = await stack.admin();
  const [page] = await admin.readPages([title]);
  return page?.content ?? '';
}

async function listed(stack: WikiStack): Promise<Set<string>> {
  const admin = await stack.admin();
  const index = readDocument(
    await read(stack, directoryIndexTitle(DEFAULT_BOT_NAME)),
    'directory-index',
  ).document;
  if (!index) return new Set();
  const shards = await admin.readPages(index.shards.map((s) => s.title));
  return new Set(
    shards.flatMap(
      (s) =>
        readDocument(s.content ?? '', 'directory-shard').document?.entries.map((e) => e.username) ??
        [],
    ),
  );
}

export async function runPermissions(options: {
  port: number;
  profiles: number;
  log: (line: string) => void;
}): Promise<PermissionCase[]> {
  let owners: Profile[] = [];
  const stack = await startStack({
    port: options.port,
    profiles: options.profiles,
    pages: (pages) => {
      owners = pages
        .filter((p) => p.title.includes('/Participants/'))
        .map((p) => parseRecords(profileCodec, p.content)[0]!.record)
        .filter((p) => p.listed && !p.withdrawn);
      return pages;
    },
  });
  const cases: PermissionCase[] = [];
  const add = (name: string, refused: boolean, detail: string) => {
    cases.push({ name, refused, detail });
    options.log(`${refused ? 'refused' : 'ALLOWED'}: ${name} (${detail})`);
  };
  try {
    const base = owners[0]!;
    const victim = owners[1]!;
    const withdrawn = owners[2]!;
    const profile = (over: Partial<Profile>) =>
      `${serialiseRecord(profileCodec, { ...base, ...over })}\n`;
    const workingGroup = await read(stack, workingGroupPageTitle(DEFAULT_ROOT));
    importPages(stack.wiki, [
      // A profile for someone, written entirely by someone else.
      {
        title: profilePageTitle(DEFAULT_ROOT, 'Forged Person'),
        user: 'Mallory',
        content: profile({ username: 'Forged Person' }),
        timestamp: later(),
      },
      // Someone else rewrites a real person's profile (says they learn something new).
      {
        title: profilePageTitle(DEFAULT_ROOT, victim.username),
        user: 'Mallory',
        content: profile({
          username: victim.username,
          about: 'FORGED ABOUT TEXT',
        }),
        timestamp: later(),
      },
      {
        title: profilePageTitle(DEFAULT_ROOT, withdrawn.username),
        user: withdrawn.username,
        content: profile({ username: withdrawn.username, withdrawn: true }),
        timestamp: later(),
      },
      // A user name and a topic id that try to point the bot's writes elsewhere.
      {
        title: profilePageTitle(DEFAULT_ROOT, 'Path Person'),
        user: 'Path Person',
        content: profile({
          username: '../../../MediaWiki:Common.js',
          learn: ['../../MediaWiki:Common.js', 'x/../../../User:Admin/common.js'],
        }),
        timestamp: later(),
      },
      {
        title: topicsPageTitle(DEFAULT_ROOT),
        user: 'Admin',
        content: `${serialiseRecord(topicCodec, {
          id: '../../../MediaWiki:Common.js',
          category: 'technical',
          labels: { en: 'Path topic' },
          description: '',
          featured: false,
          retired: false,
          capx: [],
        })}\n`,
        timestamp: later(),
      },
      // The working-group list edited by a non-member, adding themselves.
      {
        title: workingGroupPageTitle(DEFAULT_ROOT),
        user: 'Mallory',
        content: `${workingGroup}\n${serialiseRecord(memberCodec, {
          username: 'Mallory',
          role: 'working-group',
          region: '',
          languages: [],
          since: '',
        })}\n`,
        timestamp: later(),
      },
    ]);
    const first = await stack.bot(['run']);
    if (first.code !== 0) throw new Error(`bot run failed (${first.code}): ${first.stderr}`);

    const names = await listed(stack);
    const maintenance = await read(stack, maintenancePageTitle(DEFAULT_ROOT));
    add(
      'forged profile (another account wrote it)',
      !names.has('Forged Person') && maintenance.includes('Forged Person'),
      'not listed, on R/Maintenance',
    );
    const shards = (await stack.botWritten()).map((p) => p.text).join('\n');
    add(
      "forged change to a real person's profile",
      !shards.includes('FORGED ABOUT TEXT') && maintenance.includes(victim.username),
      'owner revision kept, change on R/Maintenance',
    );
    add('withdrawn participant', !names.has(withdrawn.username), 'left out of every output');
    add(
      'working-group list edited by a non-member',
      /Mallory/.test(maintenance) || /untrusted/i.test(maintenance),
      'edit not counted, listed on R/Maintenance',
    );

    // The round: a non-member (Mallory, self-added to the working group) approves a proposal.
    const month = stack.now.slice(0, 7);
    const roundTitle = connectionsPageTitle(DEFAULT_ROOT, month);
    const round = await read(stack, roundTitle);
    const proposals = parseRecords(proposalCodec, round);
    if (proposals.length < 1) throw new Error(`round ${roundTitle} has too few proposals`);
    const p1 = proposals[0]!.record;
    // Sets a proposal's status to approved, in its call (adding the parameter if absent).
    const approve = (text: string, id: string) =>
      text.replace(
        new RegExp(`\\| id = ${id}\\n((?:\\|(?! status)[^\\n]*\\n)*)(\\| status = [a-z-]+\\n)?`),
        `| id = ${id}\n$1| status = approved\n`,
      );
    if (approve(round, p1.id) === round) throw new Error(`could not approve ${p1.id}`);
    importPages(stack.wiki, [
      {
        title: roundTitle,
        user: 'Mallory',
        content: approve(round, p1.id),
        timestamp: later(),
      },
    ]);
    await stack.bot(['match']);
    const afterMallory = await read(stack, roundTitle);
    const p1After = parseRecords(proposalCodec, afterMallory).find((p) => p.record.id === p1.id);
    add(
      'proposal approved by a non-member (self-added to the working group)',
      p1After?.record.status !== 'approved' && afterMallory.includes('Mallory'),
      'put back, listed on the round page',
    );

    // Nothing outside the program root and the bot's own space, whatever the input said.
    const admin = await stack.admin();
    const contribs = (await admin.request({
      action: 'query',
      list: 'usercontribs',
      ucuser: DEFAULT_BOT_NAME,
      uclimit: 'max',
      ucprop: 'title',
    })) as { query: { usercontribs: Array<{ title: string }> } };
    const outside = contribs.query.usercontribs
      .map((c) => c.title)
      .filter(
        (t) =>
          !t.startsWith(`${DEFAULT_ROOT}/`) &&
          t !== DEFAULT_ROOT &&
          !t.startsWith(`User:${DEFAULT_BOT_NAME}/`) &&
          !t.startsWith('User talk:'),
      );
    add(
      'input naming pages outside the bot’s space (user name, topic id)',
      outside.length === 0,
      outside.length === 0 ? 'no write outside' : `wrote ${outside.join(', ')}`,
    );
    const creds = stack.env;
    const bot = await MwnWikiClient.connect({
      apiUrl: stack.wiki.apiUrl,
      username: creds.LETSCONNECT_BOT_USERNAME!,
      password: creds.LETSCONNECT_BOT_PASSWORD!,
      assert: 'user',
      writableRoots: [DEFAULT_ROOT, `User:${DEFAULT_BOT_NAME}`],
      userAgent: 'LetsConnectReliability/0.1',
    });
    let refusedDirect = false;
    for (const target of [
      'MediaWiki:Common.js',
      `${DEFAULT_ROOT}/../MediaWiki:Common.js`,
      `User:${DEFAULT_BOT_NAME}2/x`,
    ]) {
      try {
        await bot.save(target, 'x', 'test', null);
        refusedDirect = false;
        break;
      } catch {
        refusedDirect = true;
      }
    }
    add('direct write outside the allowed pages', refusedDirect, 'refused before any request');

    // A sitewide block, placed by an administrator with MediaWiki's own script.
    const blockedName = [...(await listed(stack))].find(
      (n) => n !== victim.username && n !== 'Mallory',
    );
    if (!blockedName) throw new Error('no listed person left to block');
    run(
      'php',
      [
        path.join(MEDIAWIKI_DIR, 'maintenance/blockUsers.php'),
        '--performer',
        'Admin',
        '--reason',
        'test',
      ],
      { env: phpEnv(stack.wiki), input: `${blockedName}\n` },
    );
    await stack.bot(['directory']);
    add(
      'blocked account',
      !(await listed(stack)).has(blockedName) &&
        (await read(stack, maintenancePageTitle(DEFAULT_ROOT))).includes(blockedName),
      'not listed (so not matched or messaged), on R/Maintenance',
    );

    // The shutoff page says stop: the next run writes nothing and exits 3.
    const before = (await stack.botWritten()).length;
    importPages(stack.wiki, [
      {
        title: shutoffPageTitle(DEFAULT_BOT_NAME),
        user: 'Bruna Wikimedian',
        content: 'stop',
        timestamp: later(),
      },
    ]);
    importPages(stack.wiki, [
      {
        title: profilePageTitle(DEFAULT_ROOT, 'Late Person'),
        user: 'Late Person',
        content: profile({ username: 'Late Person' }),
        timestamp: later(),
      },
    ]);
    const stopped = await stack.bot(['run']);
    const after = (await stack.botWritten()).length;
    add(
      'shutoff page changed to stop',
      stopped.code === 3 && after === before,
      `exit ${stopped.code}, ${after - before} write(s)`,
    );
    return cases;
  } finally {
    await stack.stop();
  }
}

export const permissionsSection: ReliabilitySection = {
  name: 'permissions',
  async run(options: ReliabilityOptions): Promise<Figure[]> {
    const cases = await runPermissions({
      port: Number(process.env.LETSCONNECT_RELIABILITY_PORT ?? 8086),
      profiles: options.mode === 'short' ? 30 : 120,
      log: options.log,
    });
    // Every case must be refused: the target is the number of cases.
    return [
      {
        measure: 'permission cases refused',
        value: cases.filter((c) => c.refused).length,
        target: cases.length,
      },
    ];
  },
};
