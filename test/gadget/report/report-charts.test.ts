import { flushPromises, mount } from '@vue/test-utils';
import { reportDataTitle } from '../../../shared/pages';
import { DEFAULT_BOT_NAME } from '../../../shared/program';
import { computeReport } from '../../../shared/reports/report-stats';
import { ReportCharts } from '../../../gadget/views/report/ReportCharts';
import { loadReport } from '../../../gadget/views/report/report-data';
import { withEnv } from '../support/env';
import { FakeWiki } from '../support/fake-wiki';
import { profileFixture } from '../../unit/support/profile-fixture';

const data = computeReport({
  root: 'R',
  profiles: [
    {
      profile: profileFixture({ username: 'A', learn: ['fundraising'], share: ['governance'] }),
      created: '2026-01-02T00:00:00Z',
    },
    {
      profile: profileFixture({
        username: 'B',
        region: 'ssa',
        learn: ['fundraising', 'governance'],
      }),
      created: '2026-03-02T00:00:00Z',
    },
  ],
  clinics: [],
  rounds: [],
  resources: 0,
  now: new Date('2026-03-10T00:00:00Z'),
  generated: '2026-03-10T00:00:00Z',
});

async function mountCharts(wiki: FakeWiki) {
  const w = mount(ReportCharts, {
    props: { load: () => loadReport(wiki, DEFAULT_BOT_NAME) },
    ...withEnv(),
  });
  await flushPromises();
  return w;
}

describe('ReportCharts', () => {
  it('draws one accessible SVG chart per set of numbers, bars scaled to the values', async () => {
    const wiki = new FakeWiki();
    wiki.put(reportDataTitle(DEFAULT_BOT_NAME), JSON.stringify(data));
    const w = await mountCharts(wiki);
    const svgs = w.findAll('svg');
    // Registrations, clinics, connections per month; regions; roles; topics.
    expect(svgs).toHaveLength(6);
    for (const svg of svgs) {
      expect(svg.attributes('role')).toBe('img');
      const [titleId, descId] = svg.attributes('aria-labelledby')!.split(' ');
      expect(svg.get(`title#${titleId}`).text()).not.toBe('');
      expect(svg.get(`desc#${descId}`).text()).toContain(
        'The same numbers are in the tables below.',
      );
    }
    const registrations = w.get('#letsconnect-chart-registrations');
    expect(registrations.get('figcaption').text()).toBe('Registrations per month');
    // January 1, February 0, March 1: three rows, the empty month drawn with no bar.
    const bars = registrations.findAll('rect');
    expect(bars.map((b) => b.attributes('data-value'))).toEqual(['1', '0', '1']);
    expect(Number(bars[1]!.attributes('width'))).toBe(0);
    expect(Number(bars[0]!.attributes('width'))).toBeCloseTo(Number(bars[2]!.attributes('width')));
    const topics = w.get('#letsconnect-chart-topics');
    expect(topics.findAll('.letsconnect-chart__legend li').map((l) => l.text())).toEqual([
      'Want to learn',
      'Can share',
    ]);
    const topicBars = topics.findAll('rect').map((b) => Number(b.attributes('data-value')));
    expect(topicBars).toEqual([2, 0, 1, 1]);
    expect(w.text()).not.toContain('⧼');
  });

  it('says so when the bot has not written the numbers, or they cannot be read', async () => {
    expect((await mountCharts(new FakeWiki())).text()).toContain('has not written the report');
    const wiki = new FakeWiki();
    wiki.put(reportDataTitle(DEFAULT_BOT_NAME), '{"schemaVersion": 99}');
    expect((await mountCharts(wiki)).text()).toContain('could not be loaded');
  });
});
