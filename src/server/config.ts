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
  /** Requests per minute from one address to each public dossier route (lookup, rating, verify). */
  publicRateLimitPerMinute: number;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | undefined;
  logLevel: string;
  /**
   * Which proxies to believe about the client address (X-Forwarded-For): false (default, direct
   * connections), a number of hops, or a comma-separated list of proxy addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`; required in production. */
  metricsToken: string | undefined;
  notify: NotifyConfig;
}

/** Delivery of the notification outbox. A channel left undefined keeps its messages as `pending_dev`. */
export interface NotifyConfig {
  /** SMTP_URL, e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS). */
  smtp: { url: string; from: string } | undefined;
  /** SMS_GATEWAY_URL receives POST {to, text, ref} with `Authorization: Bearer SMS_GATEWAY_TOKEN`. */
  sms: { url: string; token: string; stripDiacritics: boolean } | undefined;
  /** Attempts per message before it is marked `failed`. */
  maxAttempts: number;
}

export const DEFAULT_SMTP_FROM = '"Công Vụ" <no-reply@congvu.local>';

export const DEFAULT_DEMO_PASSWORD = 'congvu2026';

/** The secret a development server runs with when CONGVU_SECRET is unset; a production server refuses it. */
export const DEV_SECRET = 'development-secret-change-me-in-production';
/** The shortest CONGVU_SECRET a production server accepts (HMAC-SHA-256 keys: 32 bytes). */
export const MIN_SECRET_BYTES = 32;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  const isProduction = env.NODE_ENV === 'production';
  // Checked at a production start (production.ts): the default and short secrets are refused there.
  const secret = env.CONGVU_SECRET || DEV_SECRET;
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
    publicRateLimitPerMinute: Number(env.CONGVU_PUBLIC_RATE_LIMIT ?? 30),
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.OIDC_CLIENT_ID ?? '',
          clientSecret: env.OIDC_CLIENT_SECRET ?? '',
          redirectUri: env.OIDC_REDIRECT_URI ?? `http://localhost:${port}/api/v1/auth/oidc/callback`,
        }
      : undefined,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    trustProxy: parseTrustProxy(env.CONGVU_TRUST_PROXY),
    metricsToken: env.CONGVU_METRICS_TOKEN || undefined,
    notify: {
      smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: (env.SMTP_FROM || DEFAULT_SMTP_FROM).normalize('NFC') } : undefined,
      sms: env.SMS_GATEWAY_URL
        ? { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN ?? '', stripDiacritics: env.SMS_STRIP_DIACRITICS !== '0' }
        : undefined,
      maxAttempts: Math.max(1, Number(env.NOTIFY_MAX_ATTEMPTS ?? 8) || 8),
    },
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value === 'true' ? true : value;
}
