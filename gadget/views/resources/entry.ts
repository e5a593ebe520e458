/** `R/Resources`: the form to add a resource. */
import { startView } from '../../kit';
import { ResourceForm } from './ResourceForm';

startView('page', (ctx) => ({
  component: ResourceForm,
  props: { client: ctx.client, root: ctx.root, username: ctx.username },
}));
