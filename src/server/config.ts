import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; undefined → embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  isProduction: boolean;
  loadDemo: boolean;
  demoPassword: string;
  /** Secret for signing cookies and document codes. */
  secret: string;
  publicBaseUrl: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in attempts per minute from one address (the lockout above is per account). */
  loginRateLimitPerMinute: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | undefined;
  logLevel: string;
}

export const DEFAULT_DEMO_PASSWORD = 'congvu2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  const isProduction = env.NODE_ENV === 'production';
  const secret = env.CONGVU_SECRET ?? (isProduction ? '' : 'development-secret-change-me-in-production');
  if (!secret) throw new Error('CONGVU_SECRET must be set in production');
  const oidcIssuer = env.OIDC_ISSUER;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.CONGVU_DATA_DIR ?? './data'),
    isProduction,
    loadDemo: env.CONGVU_DEMO !== '0',
    demoPassword: env.CONGVU_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    secret,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    sessionTtlHours: Number(env.CONGVU_SESSION_TTL_HOURS ?? 12),
    loginMaxFailures: Number(env.CONGVU_LOGIN_MAX_FAILURES ?? 5),
    loginLockMinutes: Number(env.CONGVU_LOGIN_LOCK_MINUTES ?? 15),
    loginRateLimitPerMinute: Number(env.CONGVU_LOGIN_RATE_LIMIT ?? 20),
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.OIDC_CLIENT_ID ?? '',
          clientSecret: env.OIDC_CLIENT_SECRET ?? '',
          redirectUri: env.OIDC_REDIRECT_URI ?? `http://localhost:${port}/api/v1/auth/oidc/callback`,
        }
      : undefined,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
