/**
 * Charts of the program report on R/Report, drawn from the numbers the bot wrote
 * (User:<bot>/Report.json) in one request: registrations, clinics and connections per month,
 * people by region and by role, and the most wanted topics with their sharers. The bot's
 * tables below stay: they are the numbers, with their definitions.
 */
import { computed, defineComponent, h, onMounted, shallowRef, type PropType } from 'vue';
import { CdxMessage } from '@wikimedia/codex';
import type { ReportCount, ReportData, ReportMonth } from '../../../shared/documents/documents';
import { readDocument } from '../../../shared/documents/read-document';
import { reportDataTitle } from '../../../shared/pages';
import { topicLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { defaultTaxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { messageLookup, useEnv } from '../../kit';
import { BarChart, type ChartRow } from './BarChart';

/** The report's numbers, or null when the bot has not written them yet. */
export async function loadReport(client: WikiClient, botName: string): Promise<ReportData | null> {
  const title = reportDataTitle(botName);
  const [page] = await client.readPages([title]);
  if (!page?.exists) return null;
  const read = readDocument(page.content ?? '', 'report');
  if (!read.document) throw new Error(read.problems.map((p) => p.key).join(', '));
  return read.document;
}

const TOP_TOPICS = 10;

export const ReportCharts = defineComponent({
  name: 'ReportCharts',
  props: {
    load: { type: Function as PropType<() => Promise<ReportData | null>>, required: true },
    taxonomy: { type: Object as PropType<Taxonomy>, default: () => defaultTaxonomy() },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const state = shallowRef<'loading' | 'ready' | 'failed'>('loading');
    const failure = shallowRef('');
    const data = shallowRef<ReportData | null>(null);
    onMounted(async () => {
      try {
        data.value = await props.load();
        state.value = 'ready';
      } catch (err) {
        failure.value = err instanceof Error ? err.message : String(err);
        state.value = 'failed';
      }
    });
    const label = (id: string) => {
      const topic = props.taxonomy.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    };
    const monthly = (keys: Array<keyof Omit<ReportMonth, 'month'>>) =>
      (data.value?.months ?? []).map((m): ChartRow => ({
        label: m.month,
        values: keys.map((k) => m[k]),
      }));
    const counts = (rows: readonly ReportCount[], name: (id: string) => string) =>
      rows.map((r): ChartRow => ({ label: name(r.id), values: [r.count] }));
    const charts = computed(() => {
      const d = data.value;
      if (!d) return [];
      const sharers = new Map(d.share.map((s) => [s.id, s.count]));
      const series = (keys: string[]) => keys.map((k) => t(`letsconnect-report-${k}`));
      return [
        { id: 'registrations', series: series(['registered']), rows: monthly(['registered']) },
        {
          id: 'clinics',
          series: series(['clinics', 'participations', 'feedback']),
          rows: monthly(['clinics', 'participations', 'feedback']),
        },
        {
          id: 'connections',
          series: series(['proposed', 'approved', 'met']),
          rows: monthly(['proposed', 'approved', 'met']),
        },
        {
          id: 'regions',
          series: series(['people']),
          rows: counts(d.regions, (id) =>
            t(id === 'unknown' ? 'letsconnect-report-region-unknown' : `letsconnect-region-${id}`),
          ),
        },
        {
          id: 'roles',
          series: series(['people']),
          rows: counts(d.roles, (id) =>
            t(id === 'none' ? 'letsconnect-report-role-none' : `letsconnect-role-${id}`),
          ),
        },
        {
          id: 'topics',
          series: series(['learners', 'sharers']),
          rows: d.learn.slice(0, TOP_TOPICS).map((l): ChartRow => ({
            label: label(l.id),
            values: [l.count, sharers.get(l.id) ?? 0],
          })),
        },
      ].filter((c) => c.rows.length > 0);
    });

    return () => {
      if (state.value === 'loading')
        return h(
          'p',
          { class: 'letsconnect-report__loading', role: 'status' },
          t('letsconnect-report-loading'),
        );
      if (state.value === 'failed')
        return h(
          CdxMessage,
          { type: 'error' },
          { default: () => t('letsconnect-report-failed', failure.value) },
        );
      if (!data.value)
        return h(
          CdxMessage,
          { type: 'notice' },
          { default: () => t('letsconnect-report-not-built') },
        );
      return h(
        'section',
        { class: 'letsconnect-report', 'aria-labelledby': 'letsconnect-report-charts-title' },
        [
          h('h2', { id: 'letsconnect-report-charts-title' }, t('letsconnect-report-charts-title')),
          ...charts.value.map((c) =>
            h(BarChart, {
              key: c.id,
              id: `letsconnect-chart-${c.id}`,
              title: t(`letsconnect-report-chart-${c.id}`),
              description: t(
                'letsconnect-report-chart-desc',
                c.series.join(', '),
                String(c.rows.length),
              ),
              series: c.series,
              rows: c.rows,
            }),
          ),
        ],
      );
    };
  },
});
