/** The resource centre's views: the form to add an item, and a topic's items for other views. */
export { ResourceForm } from './ResourceForm';
export { TopicResources } from './TopicResources';
export { loadResources } from '../directory/load-directory';
