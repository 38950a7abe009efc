export { workforceRoutes } from './workforce.routes.js';
export { seedDemoAccountOfficials, seedDemoWorkforce } from './workforce.demo.js';
export { importOfficials, type ImportResult } from './workforce.import-run.js';
export { vietnameseSortKey } from './workforce.rules.js';
export { generateOfficialRows, rowsToCsv, rowsToXlsx } from './workforce.fixtures.js';
