/** `R/Report`: the report's charts. */
import { startView } from '../../kit';
import { loadReport, ReportCharts } from './ReportCharts';

startView('page', (ctx) => ({
  component: ReportCharts,
  props: { load: () => loadReport(ctx.client, ctx.botName) },
}));
