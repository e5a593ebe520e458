/**
 * The working group's CSV export of the pilot's registration form, read for earlier records.
 * Documented columns (header row, any order, case and spaces ignored; letsconn's
 * `reconciled_` names accepted too):
 *
 *   username        the Wikimedia user name (required)
 *   affiliation     the group or affiliate
 *   territory       a funding region, by name
 *   languages       languages, by code or English name, separated by `;` or new lines
 *   want_to_learn   topics, by English label, separated by `;` or new lines
 *   want_to_share   the same
 *
 * Every other column (email, full name, gender, age, whatever the export holds) is dropped
 * as the file is read: it never reaches a record, a page or a log.
 */
import type { RawEarlierRecord } from './earlier-record';

const COLUMNS: Record<string, keyof RawEarlierRecord> = {
  username: 'username',
  affiliation: 'reconciled_affiliation',
  territory: 'reconciled_territory',
  languages: 'reconciled_languages',
  want_to_learn: 'reconciled_want_to_learn',
  want_to_share: 'reconciled_want_to_share',
};

const columnOf = (header: string): keyof RawEarlierRecord | undefined => {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^reconciled_/, '');
  return COLUMNS[name];
};

/** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and new lines. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The public columns of each row with a user name; an error when there is no username column. */
export function readEarlierRecordsCsv(text: string): {
  records: RawEarlierRecord[];
  error: string | null;
} {
  const [header, ...rows] = parseCsvRows(text);
  const columns = (header ?? []).map(columnOf);
  if (!columns.includes('username')) return { records: [], error: 'no "username" column' };
  const records: RawEarlierRecord[] = [];
  for (const row of rows) {
    const record: RawEarlierRecord = { username: '' };
    columns.forEach((column, i) => {
      if (column !== undefined) record[column] = (row[i] ?? '').trim();
    });
    if (record.username !== '') records.push(record);
  }
  return { records, error: null };
}
