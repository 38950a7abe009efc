export * from './org.js';
export * from './audit.js';
