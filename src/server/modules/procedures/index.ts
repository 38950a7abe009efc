/** The procedure catalog (thủ tục hành chính): the only file other modules import. */
export { procedureRoutes } from './procedures.routes.js';
export { findProcedureByCode, findProcedureById, provincesWithProcedure } from './procedures.service.js';
export type { CatalogProcedure } from './procedures.presenter.js';
export type { HandlerKind, LimitUnit, OnlineLevel, ResultType, StepCode } from './procedures.schemas.js';
export { seedDemoProcedures } from './procedures.seed.js';
export { seedDemoTemplates } from './templates.demo.js';
export { DEMO_FIELDS, DEMO_PROCEDURES } from './procedures.demo.js';
