/**
 * Who collected the result (người nhận kết quả): the applicant in person, or a person the applicant
 * authorised, with his name, his ID number (CCCD, 12 digits) and the authorisation (a written
 * authorisation, or the family relationship that stands for one, e.g. the applicant's spouse or
 * parent). Kept on the return step's event and its control-sheet row; not in the audit chain,
 * which records only the kind (an ID number has no place in an append-only log).
 */
import { AppError, type FieldError } from '../../platform/errors.js';

export type CollectorKind = 'applicant' | 'authorised';

export interface CollectorInput {
  kind: CollectorKind;
  fullName?: string;
  idNumber?: string;
  authorisation?: string;
}

export interface Collector {
  kind: CollectorKind;
  fullName: string;
  idNumber: string;
  authorisation: string | null;
}

/** Số CCCD / số định danh cá nhân: 12 digits (Law on Identification 2023). */
export const CCCD_PATTERN = /^[0-9]{12}$/;

const clean = (s: string | undefined): string => (s ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The collector to record: the applicant (the default when none is given) as the dossier names him,
 * or the authorised person as typed, checked field by field (every fault is named at once).
 */
export function collectorFrom(applicant: { fullName: string; idNumber: string }, input: CollectorInput | undefined): Collector {
  if (!input || input.kind === 'applicant') return { kind: 'applicant', fullName: applicant.fullName, idNumber: applicant.idNumber, authorisation: null };
  const fullName = clean(input.fullName);
  const idNumber = (input.idNumber ?? '').replace(/[\s.-]/g, '');
  const authorisation = clean(input.authorisation);
  const errors: FieldError[] = [];
  if (!fullName) errors.push({ field: 'collector.fullName', message: 'Hãy nhập họ và tên người được ủy quyền nhận kết quả.' });
  if (!CCCD_PATTERN.test(idNumber))
    errors.push({
      field: 'collector.idNumber',
      message: idNumber ? 'Số CCCD của người được ủy quyền gồm 12 chữ số.' : 'Hãy nhập số CCCD của người được ủy quyền (12 chữ số).',
    });
  if (!authorisation) errors.push({ field: 'collector.authorisation', message: 'Hãy nêu giấy ủy quyền hoặc quan hệ với người nộp hồ sơ.' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.length === 1 ? errors[0].message : 'Thông tin người nhận kết quả chưa hợp lệ.', { errors });
  return { kind: 'authorised', fullName, idNumber, authorisation };
}

/** The control sheet's note for the return row. */
export function collectorNote(c: Collector): string {
  return c.kind === 'applicant'
    ? 'Trả kết quả cho người nộp hồ sơ'
    : `Trả kết quả cho người được ủy quyền: ${c.fullName}, CCCD ${c.idNumber}; ${c.authorisation ?? ''}`.trim();
}

/** The collector recorded on a return event, if any (events written before it was recorded have none). */
export function readCollector(data: Record<string, unknown>): Collector | null {
  const c = data.collector as Partial<Collector> | undefined;
  if (!c || (c.kind !== 'applicant' && c.kind !== 'authorised') || typeof c.fullName !== 'string' || typeof c.idNumber !== 'string') return null;
  return { kind: c.kind, fullName: c.fullName, idNumber: c.idNumber, authorisation: typeof c.authorisation === 'string' ? c.authorisation : null };
}
