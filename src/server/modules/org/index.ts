export { orgRoutes } from './org.routes.js';
export * as orgRepo from './org.repo.js';
