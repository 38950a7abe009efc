export * from './org.js';
export * from './audit.js';
export * from './procedures.js';
export * from './calendar.js';
export * from './workforce.js';
export * from './dossiers.js';
export * from './conduct.js';
