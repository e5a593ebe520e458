/** `R/Report`: the report's charts. */
import { startView } from '../../kit';
import { ReportCharts } from './ReportCharts';
import { loadReport } from './report-data';

startView('page', (ctx) => ({
  component: ReportCharts,
  props: { load: () => loadReport(ctx.client, ctx.botName) },
}));
