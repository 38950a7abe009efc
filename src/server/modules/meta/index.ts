/** Deployment facts for the web app: the only file other modules import. */
export { metaRoutes } from './meta.routes.js';
