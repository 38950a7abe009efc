/**
 * A production start (`NODE_ENV=production`) that cannot go wrong quietly: the server refuses to
 * start, naming each problem and what to do, when its configuration is only fit for development or
 * its database holds the demo dataset. `main.ts` prints the message and exits with EXIT_REFUSED.
 */
import type { Config } from './config.js';
import { DEV_SECRET, MIN_SECRET_BYTES } from './config.js';

/** sysexits.h EX_CONFIG: the configuration is wrong, restarting will not help. */
export const EXIT_REFUSED = 78;

/** One problem: what is wrong and what to do, in Vietnamese then English. */
export interface StartProblem {
  vi: string;
  en: string;
}

export class StartRefusedError extends Error {
  constructor(readonly problems: readonly StartProblem[]) {
    super(
      [
        'Công Vụ từ chối khởi động ở chế độ production (NODE_ENV=production):',
        'Công Vụ refuses to start in production (NODE_ENV=production):',
        ...problems.map((p) => `\n  • ${p.vi}\n    ${p.en}`),
      ].join('\n'),
    );
    this.name = 'StartRefusedError';
  }
}

const isHttps = (url: string): boolean => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

/** What in `config` is unfit for production (empty outside production). */
export function productionConfigProblems(config: Config): StartProblem[] {
  if (!config.isProduction) return [];
  const problems: StartProblem[] = [];
  if (config.secret === DEV_SECRET) {
    problems.push({
      vi: `CONGVU_SECRET chưa đặt (đang dùng giá trị mặc định dành cho phát triển). Đặt CONGVU_SECRET là một chuỗi ngẫu nhiên dài ít nhất ${MIN_SECRET_BYTES} byte, ví dụ: CONGVU_SECRET="$(openssl rand -base64 48)".`,
      en: `CONGVU_SECRET is not set (the development default is in use). Set CONGVU_SECRET to a random string of at least ${MIN_SECRET_BYTES} bytes, e.g. CONGVU_SECRET="$(openssl rand -base64 48)".`,
    });
  } else if (Buffer.byteLength(config.secret, 'utf8') < MIN_SECRET_BYTES) {
    problems.push({
      vi: `CONGVU_SECRET quá ngắn (${Buffer.byteLength(config.secret, 'utf8')} byte, cần ít nhất ${MIN_SECRET_BYTES}). Tạo một chuỗi ngẫu nhiên dài hơn, ví dụ: openssl rand -base64 48.`,
      en: `CONGVU_SECRET is too short (${Buffer.byteLength(config.secret, 'utf8')} bytes, at least ${MIN_SECRET_BYTES} needed). Use a longer random string, e.g. openssl rand -base64 48.`,
    });
  }
  if (config.oidc && !isHttps(config.oidc.issuer)) {
    problems.push({
      vi: `OIDC_ISSUER phải là địa chỉ https:// (đang là ${config.oidc.issuer}). Đặt địa chỉ https của máy chủ định danh, hoặc bỏ OIDC_ISSUER để tắt đăng nhập SSO.`,
      en: `OIDC_ISSUER must be an https:// URL (it is ${config.oidc.issuer}). Set the identity provider's https address, or unset OIDC_ISSUER to turn SSO off.`,
    });
  }
  if (config.oidc && !isHttps(config.oidc.redirectUri)) {
    problems.push({
      vi: `OIDC_REDIRECT_URI phải là địa chỉ https:// của máy chủ này, ví dụ https://dichvucong.example.gov.vn/api/v1/auth/oidc/callback (đang là ${config.oidc.redirectUri}).`,
      en: `OIDC_REDIRECT_URI must be this server's https:// address, e.g. https://dichvucong.example.gov.vn/api/v1/auth/oidc/callback (it is ${config.oidc.redirectUri}).`,
    });
  }
  if (!config.metricsToken) {
    problems.push({
      vi: 'CONGVU_METRICS_TOKEN chưa đặt: /metrics lộ số liệu vận hành. Đặt CONGVU_METRICS_TOKEN là một chuỗi ngẫu nhiên và cấu hình trình thu thập gửi "Authorization: Bearer <mã>".',
      en: 'CONGVU_METRICS_TOKEN is not set: /metrics would expose operating figures. Set CONGVU_METRICS_TOKEN to a random string and have the scraper send "Authorization: Bearer <token>".',
    });
  }
  return problems;
}

/** The demo rows found in a production database, as a problem (undefined when there are none). */
export function demoRowsProblem(found: ReadonlyArray<{ table: string; rows: number }>): StartProblem | undefined {
  if (!found.length) return undefined;
  const list = found.map((f) => `${f.table}: ${f.rows}`).join(', ');
  return {
    vi: `Cơ sở dữ liệu có dữ liệu mẫu (is_demo = true) — ${list}. Dữ liệu mẫu đã ghi vào nhật ký kiểm toán chuỗi băm nên không gỡ riêng được: hãy dùng một cơ sở dữ liệu mới (DATABASE_URL của một cơ sở dữ liệu trống, hoặc CONGVU_DATA_DIR là một thư mục trống) và không nạp dữ liệu mẫu (congvu seed không có --demo).`,
    en: `The database holds demo rows (is_demo = true) — ${list}. They are part of the hash-chained audit log and cannot be removed on their own: use a fresh database (DATABASE_URL of an empty database, or an empty CONGVU_DATA_DIR) and do not load the demo (congvu seed without --demo).`,
  };
}
