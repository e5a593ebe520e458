/**
 * A round of proposals (`R/Connections/<YYYY-MM>`): the review queue and review controls for
 * the working group, the outcome form for the connection's people.
 */
import { roundFromTitle } from '../../../shared/pages';
import { startView } from '../../kit';
import { ConnectionsApp } from './ConnectionsApp';
import { createProposalSlots } from './proposal-slots';

startView('page', (ctx) => {
  const month = roundFromTitle(ctx.root, ctx.pageTitle);
  if (month === null) return null;
  const content = document.getElementById('mw-content-text') ?? document.body;
  return {
    component: ConnectionsApp,
    props: {
      client: ctx.client,
      root: ctx.root,
      botName: ctx.botName,
      month,
      pageTitle: ctx.pageTitle,
      username: ctx.username,
      slots: createProposalSlots(
        content,
        mw.config.get('wgUserLanguage'),
        document.documentElement.dir || 'ltr',
      ),
      openOutcome: ctx.params.get('letsconnect-outcome'),
      startView: ctx.params.get('letsconnect-view') === 'page' ? 'page' : 'queue',
      // The queue stands in for the long list: the page's other parts stay in view.
      showProposals: (shown: boolean) =>
        content.classList.toggle('letsconnect-round--queue', !shown),
      render: (wikitext: string) =>
        new Promise<string>((resolve, reject) => {
          ctx.api
            .parse(wikitext, { title: ctx.pageTitle, disablelimitreport: true })
            .then((html: string) => resolve(html), reject);
        }),
    },
  };
});
