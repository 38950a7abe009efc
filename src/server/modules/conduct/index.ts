/** The conduct module: code of conduct, commitments, attendance, inspections, violations, discipline, annual rating, emulation. */
export { conductRoutes } from './conduct.routes.js';
export { recordSignal, type SignalInput } from './violations.service.js';
export { seedConductReference, seedDemoConduct } from './conduct.seed.js';
export { regimeFor as disciplineRegimeFor, checkForm as checkDisciplineForm } from './discipline.rules.js';
export { ratingRegimeFor, gradeFor, applyExcellentQuota } from './rating.rules.js';
export { OFFICE_CULTURE_CAMPAIGN } from './code.data.js';
export { isWorkingDay } from './attendance.service.js';
