/**
 * Charts of the program report on R/Report, drawn from the numbers the bot wrote (see
 * report-data). The bot's tables below stay: they are the numbers, with their definitions.
 */
import { defineComponent, type PropType } from 'vue';
import { CdxMessage } from '@wikimedia/codex';
import type { ReportData } from '../../../shared/documents/documents';
import { defaultTaxonomy, topicLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import { AsyncState, messageLookup, useEnv, useLoad } from '../../kit';
import { BarChart } from './BarChart';
import { reportCharts } from './report-data';

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
    const report = useLoad(() => props.load());
    const label = (id: string) => {
      const topic = props.taxonomy.topics.get(id);
      return topic ? topicLabel(topic, env.languages, lookup) : id;
    };

    const charts = (d: ReportData | null) => {
      if (!d)
        return (
          <CdxMessage type="notice">
            {{ default: () => t('letsconnect-report-not-built') }}
          </CdxMessage>
        );
      return (
        <section class="letsconnect-report" aria-labelledby="letsconnect-report-charts-title">
          <h2 id="letsconnect-report-charts-title">{t('letsconnect-report-charts-title')}</h2>
          {reportCharts(d, t, label).map((c) => (
            <BarChart
              key={c.id}
              id={`letsconnect-chart-${c.id}`}
              title={t(`letsconnect-report-chart-${c.id}`)}
              description={t(
                'letsconnect-report-chart-desc',
                c.series.join(', '),
                String(c.rows.length),
              )}
              series={c.series}
              rows={c.rows}
            />
          ))}
        </section>
      );
    };

    return () => (
      <AsyncState
        state={report}
        loadingText={t('letsconnect-report-loading')}
        failedText={(code: string) => t('letsconnect-report-failed', code)}
      >
        {{ default: (d: unknown) => charts(d as ReportData | null) }}
      </AsyncState>
    );
  },
});
