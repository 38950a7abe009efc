/** Hồ sơ thủ tục hành chính (one-stop dossiers): the only file other modules import. */
export { dossierRoutes } from './dossiers.routes.js';
export { purgeExpired, sweepLateDossiers, sweepOnce, startDossierWorkers } from './lateness.js';
export { deliverOutbox } from './outbox.worker.js';
export { DOSSIER_ACTIONS, DOSSIER_STATUSES, type DossierAction, type DossierStatus } from './dossier.state.js';
