/** Deployment facts for the web app: the only file other modules import. */
export { findDemoRows } from './meta.service.js';
export { metaRoutes } from './meta.routes.js';
