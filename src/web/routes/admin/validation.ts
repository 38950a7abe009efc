import type { Translate } from '../../lib/i18n';

/** Decision 20/2020/QĐ-TTg electronic identifier: at most 35 characters of 0-9, A-Z and dots. */
export const AGENCY_CODE = /^[0-9A-Z.]{1,35}$/;
export const UNIT_CODE_BY_LEVEL = { province: /^\d{2}$/, district: /^\d{3}$/, commune: /^\d{5}$/ } as const;
export const UNIT_CODE = /^\d{2,5}$/;
/* The patterns below mirror the server's request schemas (src/server/modules/org/org.schemas.ts). */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,49}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE = /^\+?[0-9]{9,15}$/;
export const PASSWORD_MIN = 10;

/** "Vui lòng nhập {field}." for an empty value, a length message when too long. */
export function requireText(t: Translate, value: string, label: string, max = 255): string | undefined {
  const v = value.trim();
  if (!v) return t('common.required', { field: label.toLocaleLowerCase() });
  if (v.length > max) return t('common.maxLength', { max });
  return undefined;
}

/** Empty strings become undefined so optional fields are left out of the request body. */
export function optional(value: string): string | undefined {
  const v = value.trim();
  return v ? v : undefined;
}
