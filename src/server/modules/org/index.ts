export { orgRoutes } from './org.routes.js';
/** The org query API for other modules (read only): agencies, subtrees, users. */
export * as org from './org.lookup.repo.js';
export type { AgencyRef, UserRef } from './org.lookup.repo.js';
export { AGENCY_CODE_PATTERN } from './org.schemas.js';
