import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRows, readEarlierRecordsCsv } from '../../../shared/earlier/csv';
import { isEmptyRecord, toEarlierRecord } from '../../../shared/earlier/earlier-record';
import { DEFAULT_TOPICS, topicMessageKey } from '../../../shared/taxonomy/default-topics';

const en = JSON.parse(
  readFileSync(join(__dirname, '../../../shared/i18n/en.json'), 'utf8'),
) as Record<string, string>;
const labels = {
  topicIds: DEFAULT_TOPICS.map((t) => t.id),
  topicLabel: (id: string) => en[topicMessageKey(id)] ?? id,
  regionLabel: (id: string) => en[`letsconnect-region-${id}`] ?? id,
};

describe("an earlier record in this program's terms", () => {
  it("maps letsconn's public fields: topics by label, regions and languages by name or code", () => {
    const r = toEarlierRecord(
      {
        username: 'Ana_Pilot',
        reconciled_affiliation: 'Wikimedia Argentina',
        reconciled_territory: 'Latin America and the Caribbean',
        reconciled_languages: ['Spanish', 'pt', 'Klingonese'],
        reconciled_want_to_learn: ['Budget development', 'Fundraising; Knitting'],
        reconciled_want_to_share:
          'Dealing with harassment and conflict\nReporting, storytelling and communicating results',
      },
      'letsconn',
      labels,
    );
    expect(r).toEqual({
      username: 'Ana Pilot',
      source: 'letsconn',
      group: 'Wikimedia Argentina',
      region: 'lac',
      languages: ['es', 'pt'],
      learn: ['budget-development'],
      share: ['harassment-conflict', 'reporting-storytelling'],
      learnOther: 'Fundraising; Knitting',
      shareOther: '',
    });
  });

  it("keeps no free text that holds an email address or is over the form's limit", () => {
    const r = toEarlierRecord(
      {
        username: 'B',
        reconciled_affiliation: 'write to me@example.org',
        reconciled_want_to_learn: ['x'.repeat(600)],
        reconciled_territory: { odd: true },
      },
      'csv',
      labels,
    );
    expect(r.group).toBe('');
    expect(r.learnOther).toBe('');
    expect(r.region).toBe('');
    expect(isEmptyRecord(r)).toBe(true);
  });
});

describe("the working group's CSV export", () => {
  it('reads quoted fields with commas, quotes and new lines', () => {
    expect(parseCsvRows('a,"b, ""c""\nd",e\r\n\r\nf,g,h\n')).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['f', 'g', 'h'],
    ]);
  });

  it('keeps only the documented public columns: email, name, gender and age never get in', () => {
    const csv = [
      'Timestamp,Email,Full name,Username,Gender,Age,Affiliation,Territory,Languages,Want to learn,Want to share',
      '2021-05-01,ana@example.org,Ana P,Ana Pilot,F,34,WMAR,South Asia,es;en,Fundraising,Governance',
      ',,,,,,,,,,',
    ].join('\n');
    const { records, error } = readEarlierRecordsCsv(csv);
    expect(error).toBeNull();
    expect(records).toEqual([
      {
        username: 'Ana Pilot',
        reconciled_affiliation: 'WMAR',
        reconciled_territory: 'South Asia',
        reconciled_languages: 'es;en',
        reconciled_want_to_learn: 'Fundraising',
        reconciled_want_to_share: 'Governance',
      },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/ana@example|Ana P,|34/);
    expect(readEarlierRecordsCsv('Email,Name\nx@y.z,X').error).toBe('no "username" column');
  });
});
