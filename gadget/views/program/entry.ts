/** The program's module: the welcome panel, the profile form and one's own card. */
import { profilePageTitle } from '../../../shared/pages';
import { startView } from '../../kit';
import { ProgramApp } from './ProgramApp';

startView('page', (ctx) => {
  const ownPage =
    ctx.username !== null && ctx.pageTitle === profilePageTitle(ctx.root, ctx.username);
  return {
    component: ProgramApp,
    props: {
      client: ctx.client,
      root: ctx.root,
      botName: ctx.botName,
      username: ctx.username,
      pageTitle: ctx.pageTitle,
      navigate: (url: string) => window.location.assign(url),
      // The portal's "My profile" link for someone not known yet: the root with the form open.
      startEditing:
        (ownPage || ctx.pageTitle === ctx.root) && ctx.params.get('letsconnect') === 'edit',
    },
  };
});
