export { findDemoRows } from './meta.service.js';
export { metaRoutes } from './meta.routes.js';
