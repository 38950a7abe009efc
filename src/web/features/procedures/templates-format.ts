/** Small helpers for form templates, shared by the public procedure page and the administrator's page. */
import type { ProcedureDocument } from '../../../shared/api-types';

/** A document "theo mẫu" (or with a named form) is one the applicant fills on a form. */
export const mustFollowForm = (d: Pick<ProcedureDocument, 'name' | 'templateName'>): boolean => !!d.templateName || /theo mẫu|mẫu số/i.test(d.name);

/** 45 KB, 1,2 MB. */
export function formatSize(bytes: number, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** PDF, DOCX, XLSX: the kind of a template file, for its download button. */
export function kindLabel(contentType: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  if (contentType.includes('wordprocessingml')) return 'DOCX';
  if (contentType.includes('spreadsheetml')) return 'XLSX';
  return '';
}
