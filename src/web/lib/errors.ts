import { isApiError } from './api';
import type { Translate } from './i18n';

export interface ErrorView {
  message: string;
  requestId: string | null;
  fields: Record<string, string>;
}

/**
 * Turn anything thrown by the API client into what the UI shows: a localized message for the
 * well-known statuses, the server's `detail` for the rest (validation, conflicts), and the
 * field errors to place next to their inputs. 5xx never shows server details.
 */
export function describeError(err: unknown, t: Translate): ErrorView {
  if (!isApiError(err)) return { message: t('error.generic'), requestId: null, fields: {} };
  const fields = err.fieldErrors;
  const base = { requestId: err.requestId, fields };
  if (err.status === 0) return { ...base, message: t('error.network') };
  if (err.status >= 500) return { ...base, message: t('error.server') };
  if (err.status === 401) return { ...base, message: t('error.unauthenticated') };
  if (err.status === 403) return { ...base, message: err.detail ?? t('error.forbidden') };
  if (err.status === 429) return { ...base, message: t('error.rateLimited') };
  if (err.status === 404) return { ...base, message: err.detail ?? t('error.notFound') };
  if (err.status === 409) return { ...base, message: err.detail ?? t('error.conflict') };
  if (Object.keys(fields).length > 0) return { ...base, message: t('common.fieldsInvalid') };
  return { ...base, message: err.detail ?? (err.title || t('error.validation')) };
}
