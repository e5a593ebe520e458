/**
 * `earlier`: the program's earlier records (the pilot's directory, kept by letsconn) for the
 * people who have no profile yet. It reads the working group's CSV export (names, and the
 * public columns; see shared/earlier/csv.ts), asks letsconn for each name's record (letsconn
 * has no list of its own), keeps what has a place in the profile form, and writes
 * `User:<bot>/Earlier records.json`, which the person's own profile form offers ("Fill in from
 * my earlier record"): nothing is in the directory until they save. It lists who has a record
 * and no profile; with `--invite` it leaves each of them one "claim your profile" message,
 * once ever (the document records it, and the message's marker is looked for on the page),
 * honouring {{bots}}/{{nobots}}.
 */
import fs from 'node:fs';
import { readEarlierRecordsCsv } from '../../shared/earlier/csv';
import {
  isEmptyRecord,
  toEarlierRecord,
  type RawEarlierRecord,
} from '../../shared/earlier/earlier-record';
import {
  SCHEMA_VERSION,
  type EarlierRecord,
  type EarlierRecordsDocument,
} from '../../shared/documents/documents';
import { isTemporaryAccount } from '../../shared/accounts';
import {
  earlierRecordsTitle,
  profilePageTitle,
  usernameFromProfileTitle,
} from '../../shared/pages';
import { topicLabel } from '../../shared/taxonomy/taxonomy';
import { defaultTaxonomy } from '../../shared/taxonomy/taxonomy';
import { isUsername } from '../../shared/records/vocabulary';
import { wikiLink } from '../../shared/wikitext/escape';
import { generatedStamp } from '../connections/rounds';
import { UsageError } from '../connect';
import { scanPages } from '../directory/scan';
import { ExternalServiceError } from '../external/http-json';
import { letsconnClient } from '../external/services';
import { botMessages } from '../i18n';
import { marker } from '../notify/messages';
import type { RunContext, TaskReport } from '../run-context';
import { documentOn, documentText } from '../wiki/documents-io';

const INVITE_KEY = 'claim-profile';

export interface EarlierOptions {
  /** The working group's CSV export; without it, the records of the last run are used. */
  csv?: string;
  invite: boolean;
}

function labels() {
  const taxonomy = defaultTaxonomy();
  const { lookup } = botMessages('en');
  return {
    topicIds: [...taxonomy.topics.keys()],
    topicLabel: (id: string) => topicLabel(taxonomy.topics.get(id)!, ['en'], lookup),
    regionLabel: (id: string) => lookup(`letsconnect-region-${id}`) ?? id,
  };
}

/** Each named person's record: letsconn's where it has one, else the CSV's own columns. */
async function gatherRecords(
  ctx: RunContext,
  rows: readonly RawEarlierRecord[],
): Promise<{ records: EarlierRecord[]; notes: string[] }> {
  const letsconn = letsconnClient(ctx);
  const l = labels();
  const records: EarlierRecord[] = [];
  let failed = 0;
  let reason = '';
  let fromLetsconn = 0;
  for (const [i, row] of rows.entries()) {
    const username = row.username.trim().replace(/_/g, ' ');
    if (!isUsername(username) || records.some((r) => r.username === username)) continue;
    let record: EarlierRecord | null = null;
    if (letsconn) {
      try {
        const raw = await letsconn.profile(username);
        if (raw) {
          record = toEarlierRecord(raw, 'letsconn', l);
          fromLetsconn++;
        }
      } catch (err) {
        if (!(err instanceof ExternalServiceError)) throw err;
        failed++;
        reason = err.reason;
      }
    }
    record ??= toEarlierRecord({ ...row, username }, 'csv', l);
    records.push(record);
    ctx.log.progress('Earlier records', i + 1, rows.length);
  }
  const notes = [
    `${fromLetsconn} of ${records.length} record(s) from letsconn, the rest from the CSV`,
  ];
  if (failed > 0)
    notes.push(`letsconn failed for ${failed} name(s) (${reason}): their CSV columns were used`);
  return { records, notes };
}

/** The claim invitation, in the reader's second person, with the marker that makes it once-only. */
function invitation(ctx: RunContext): { heading: string; body: string; summary: string } {
  const { t } = ctx;
  const heading = t('letsconnect-claim-heading');
  const join = wikiLink(ctx.config.root, t('letsconnect-claim-link'));
  const body = [
    marker(INVITE_KEY),
    t('letsconnect-claim-body', join),
    t('letsconnect-claim-private'),
    `${t('letsconnect-claim-once')} ~~~~`,
  ].join('\n\n');
  return { heading, body, summary: t('letsconnect-bot-summary-notice', heading) };
}

export async function runEarlier(ctx: RunContext, options: EarlierOptions): Promise<TaskReport> {
  const { client, config, editor, log } = ctx;
  const editsBefore = client.stats.edits;
  const title = earlierRecordsTitle(config.botName);
  const [page] = await client.readPages([title]);
  const doc: EarlierRecordsDocument = documentOn(page, 'earlier-records') ?? {
    schemaVersion: SCHEMA_VERSION,
    kind: 'earlier-records',
    generated: generatedStamp(ctx),
    records: [],
    invited: [],
  };
  const notes: string[] = [];
  let records = doc.records;
  if (options.csv !== undefined) {
    if (!fs.existsSync(options.csv)) throw new UsageError(`--csv: no such file: ${options.csv}`);
    const csv = readEarlierRecordsCsv(fs.readFileSync(options.csv, 'utf8'));
    if (csv.error) throw new UsageError(`--csv ${options.csv}: ${csv.error}`);
    const gathered = await gatherRecords(ctx, csv.records);
    records = gathered.records;
    notes.push(...gathered.notes);
  }

  // Anyone with a profile page (withdrawn too: they chose to leave) is not offered anything.
  const withPage = new Set(
    (await scanPages(client, profilePageTitle(config.root, ''))).map(
      (p) => usernameFromProfileTitle(config.root, p.title) ?? '',
    ),
  );
  const patterns = await client.temporaryAccountPatterns();
  const waiting = records.filter(
    (r) =>
      !withPage.has(r.username) && !isTemporaryAccount(r.username, patterns) && !isEmptyRecord(r),
  );
  doc.records = waiting;
  console.log(`Earlier record, no profile yet: ${waiting.length}`);
  for (const r of waiting) console.log(`  ${r.username} (${r.source})`);

  let sent = 0;
  let excluded = 0;
  if (options.invite) {
    const invited = new Set(doc.invited.map((i) => i.user));
    const message = invitation(ctx);
    const at = generatedStamp(ctx);
    for (const [i, r] of waiting.filter((w) => !invited.has(w.username)).entries()) {
      let already = false;
      const outcome = await editor.edit(
        `User talk:${r.username}`,
        (current) => {
          const text = current.exists ? (current.content ?? '') : '';
          already = text.includes(marker(INVITE_KEY));
          if (already) return null;
          const section = `== ${message.heading} ==\n${message.body}\n`;
          return text.trim() === '' ? section : `${text.trimEnd()}\n\n${section}`;
        },
        message.summary,
        { talkPage: true },
      );
      log.progress('Claim invitations', i + 1, waiting.length);
      if (outcome.status === 'dry-run') continue;
      if (outcome.status === 'excluded') excluded++;
      else if (!already) sent++;
      doc.invited.push({
        user: r.username,
        at,
        status: outcome.status === 'excluded' ? 'excluded' : 'sent',
      });
    }
    notes.push(`${sent} claim invitation(s) left, ${excluded} not left ({{nobots}})`);
  }
  doc.generated = generatedStamp(ctx);
  await editor.edit(
    title,
    (current) => documentText(doc, current),
    ctx.t('letsconnect-bot-summary-earlier'),
  );
  return {
    task: 'earlier',
    pagesRead: records.length,
    problems: 0,
    edits: client.stats.edits - editsBefore,
    notes: [
      `${waiting.length} of ${records.length} earlier record(s) have no profile yet`,
      ...notes,
    ],
  };
}
