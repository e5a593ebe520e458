/** A person's requests page (`R/Requests/<User>`): requests to connect, answers, replies. */
import { usernameFromRequestsTitle } from '../../../shared/pages';
import { startView } from '../../kit';
import { RequestsApp } from './RequestsApp';

startView('page', (ctx) => {
  const owner = usernameFromRequestsTitle(ctx.root, ctx.pageTitle);
  if (owner === null) return null;
  return {
    component: RequestsApp,
    props: {
      client: ctx.client,
      root: ctx.root,
      botName: ctx.botName,
      owner,
      username: ctx.username,
      pageTitle: ctx.pageTitle,
      openRequest: ctx.params.get('letsconnect-request'),
      openReply: ctx.params.get('letsconnect-reply'),
    },
  };
});
