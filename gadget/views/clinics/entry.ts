/** Clinic pages and `R/Clinics`: sign-ups, feedback, the calendar and the create form. */
import { startView } from '../../kit';
import { clinicRoute } from './mount';

startView('page', (ctx) =>
  clinicRoute({
    root: ctx.root,
    botName: ctx.botName,
    pageTitle: ctx.pageTitle,
    username: ctx.username,
    client: ctx.client,
    api: ctx.api,
    namespaceIds: mw.config.get('wgNamespaceIds'),
    absoluteUrl: (title) => new URL(mw.util.getUrl(title), window.location.href).toString(),
  }),
);
