export { forgetApiToken, hashPassword, purgeExpiredSessions, purgeStaleLoginFailures } from './auth.service.js';
export { authRoutes } from './auth.routes.js';
export { authPlugin, SESSION_COOKIE } from './auth.plugin.js';
export { endSessionsOfUser, issuePasswordReset, RESET_TTL_HOURS } from './password-reset.service.js';
