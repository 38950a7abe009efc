/**
 * Notifications to the applicant (e-mail, SMS, in-app) and to staff, written to the outbox inside
 * the transaction of the step, so a rolled-back step sends nothing and a committed one always does.
 */
import { formatVnDateTimeShort } from '../../platform/pdf.js';
import type { DossierBase } from './dossiers.repo.js';
import type { OutboxInsert } from './outbox.repo.js';

type Addressed = Pick<DossierBase, 'id' | 'code' | 'provinceCode' | 'status' | 'dueAt' | 'applicant' | 'applicantUserId'>;

type OutboxRow = OutboxInsert;

const STATUS_TEXT: Record<string, string> = {
  submitted: 'đã được nộp trực tuyến và đang chờ tiếp nhận',
  received: 'đã được tiếp nhận',
  refused: 'bị từ chối tiếp nhận/giải quyết',
  processing: 'đang được giải quyết',
  supplement_requested: 'cần bổ sung, hoàn thiện',
  awaiting_payment: 'chờ thực hiện nghĩa vụ tài chính',
  withdrawn: 'đã được rút theo yêu cầu',
  stopped: 'đã dừng giải quyết',
  result_ready: 'đã có kết quả, mời ông/bà đến nhận',
  returned: 'đã trả kết quả',
};

/** One message per channel the applicant can be reached on, with an absolute lookup link. */
export function applicantMessages(d: Addressed, subject: string, extra = '', publicBaseUrl = ''): OutboxRow[] {
  const due = d.dueAt ? ` Hẹn trả kết quả: ${formatVnDateTimeShort(d.dueAt)}.` : '';
  const body = `Hồ sơ ${d.code} ${STATUS_TEXT[d.status] ?? d.status}.${due}${extra ? ` ${extra}` : ''} Tra cứu: ${publicBaseUrl.replace(/\/$/, '')}/tra-cuu/${d.code}`;
  const base = { provinceCode: d.provinceCode, dossierId: d.id, subject, body };
  const rows: OutboxRow[] = [];
  if (d.applicant.email) rows.push({ ...base, channel: 'email', recipient: d.applicant.email });
  if (d.applicant.phone) rows.push({ ...base, channel: 'sms', recipient: d.applicant.phone, body: body.slice(0, 300) });
  if (d.applicantUserId) rows.push({ ...base, channel: 'in_app', recipient: d.applicantUserId, recipientUserId: d.applicantUserId });
  return rows;
}

export function staffMessages(
  d: Pick<DossierBase, 'id' | 'provinceCode'>,
  users: { id: string; email: string | null }[],
  subject: string,
  body: string,
): OutboxRow[] {
  const rows: OutboxRow[] = [];
  for (const u of users) {
    rows.push({ provinceCode: d.provinceCode, dossierId: d.id, channel: 'in_app', recipient: u.id, recipientUserId: u.id, subject, body });
    if (u.email) rows.push({ provinceCode: d.provinceCode, dossierId: d.id, channel: 'email', recipient: u.email, recipientUserId: u.id, subject, body });
  }
  return rows;
}
