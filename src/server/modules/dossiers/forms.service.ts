/**
 * The printed forms of a dossier (Circular 01/2018 Mẫu 01–05, A5 PDF with a signed QR code that
 * opens the public lookup and verifies the paper) and the tracking book (Mẫu 06, .xlsx).
 */
import { vnMidnight } from '../../../shared/vn-time.js';
import type { AppContext } from '../../context.js';
import { type DocumentKind, signedDocumentUrl } from '../../platform/doc-signing.js';
import { AppError } from '../../platform/errors.js';
import { org } from '../org/index.js';
import {
  type AgencyInfo,
  renderApology,
  renderControlSheet,
  renderReceipt,
  renderRefusal,
  renderSupplementRequest,
  renderTrackingBookXlsx,
  type TimeLimitUnit,
} from './documents/index.js';
import { type Collector, readCollector } from './dossier.collector.js';
import * as policy from './dossiers.policy.js';
import * as repo from './dossiers.repo.js';
import { logStaffRead, type P } from './dossiers.service.js';

/** The receiver of the control sheet's return row: the applicant, or the authorised person with ID number and authorisation. */
const collectorParty = (c: Collector) =>
  c.kind === 'applicant'
    ? { toUnit: 'Người nộp hồ sơ', toPerson: c.fullName }
    : { toUnit: 'Người được ủy quyền', toPerson: `${c.fullName}, CCCD ${c.idNumber}`, note: c.authorisation ?? undefined };

export type FormName = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'control-sheet';

const FORM_LABEL: Record<string, string> = { original: 'Bản chính', certified_copy: 'Bản sao chứng thực', copy: 'Bản chụp', electronic: 'Bản điện tử' };
const UNIT: Record<string, TimeLimitUnit> = { working_days: 'working_day', calendar_days: 'day', working_hours: 'working_hour', same_day: 'same_day' };

async function agencyInfo(ctx: AppContext, agencyId: string): Promise<AgencyInfo> {
  const a = await org.findAgencyById(ctx.db, agencyId);
  const parent = a?.parentId ? await org.findAgencyById(ctx.db, a.parentId) : undefined;
  return { name: a?.name ?? '', parentName: parent?.name, place: a ? await repo.provinceName(ctx.db, a.provinceCode) : '' };
}

/** The head of the agency signs the apology (Mẫu 04): its leader when it has exactly one, else a blank line to sign by hand. */
async function agencyHeadName(ctx: AppContext, agencyId: string): Promise<string> {
  const leaders = await org.usersWithRole(ctx.db, agencyId, ['leader']);
  return leaders.length === 1 ? leaders[0].displayName : '';
}

const userName = async (ctx: AppContext, id: string | null | undefined): Promise<string> => (id ? ((await org.findUser(ctx.db, id))?.displayName ?? '') : '');

export async function renderDossierForm(ctx: AppContext, p: P, code: string, form: FormName): Promise<Buffer> {
  const d = await repo.findDossierByCode(ctx.db, code);
  const { principal, isStaff } = policy.requireReader(p, d);
  const dossier = d!;
  if (isStaff) await logStaffRead(ctx.db, principal, dossier, `In ${form}`);
  const events = await repo.listEvents(ctx.db, dossier.id);
  const lastOf = (action: string) => events.findLast((e) => e.action === action);
  const issuedAt = (() => {
    if (form === 'receipt') return dossier.receivedAt;
    if (form === 'supplement') return lastOf('request-supplement')?.occurredAt ?? dossier.supplementIntakeAt ?? null;
    if (form === 'refusal') return dossier.status === 'refused' ? dossier.closedAt : null;
    if (form === 'apology') return dossier.apologyIssuedAt;
    return dossier.receivedAt ?? dossier.submittedAt;
  })();
  if (!issuedAt) throw AppError.rule('FORM_NOT_AVAILABLE', 'Hồ sơ chưa có văn bản này.');
  const kind: DocumentKind = form;
  const dueForToken = form === 'receipt' ? (dossier.originalDueAt ?? dossier.dueAt) : form === 'apology' ? dossier.dueAt : undefined;
  const { url } = signedDocumentUrl(ctx.config.secret, ctx.config.publicBaseUrl, {
    kind,
    dossierCode: dossier.code,
    issuedAt,
    dueAt: dueForToken ?? undefined,
  });
  const agency = await agencyInfo(ctx, form === 'apology' ? dossier.competentAgencyId : dossier.receivingAgencyId);
  const base = {
    agency,
    dossierCode: dossier.code,
    applicant: {
      name: dossier.applicant.fullName,
      address: dossier.applicant.address,
      phone: dossier.applicant.phone,
      email: dossier.applicant.email ?? undefined,
    },
    procedureName: dossier.procedureName,
    issuedAt,
    qrUrl: url,
  };
  const documents = await repo.listDocuments(ctx.db, dossier.id);
  if (form === 'receipt') {
    const rule = dossier.dueRule;
    return renderReceipt({
      ...base,
      documents: documents.map((x) => ({ name: x.name, form: FORM_LABEL[x.form] ?? x.form, count: x.quantity })),
      timeLimit: { amount: rule?.amount ?? 0, unit: UNIT[rule?.unit ?? 'working_days'] ?? 'working_day', sameDay: rule?.sameDay },
      receivedAt: issuedAt,
      dueAt: dossier.originalDueAt ?? dossier.dueAt ?? issuedAt,
      returnPlace: dossier.channel === 'postal' ? 'Tại nhà qua dịch vụ bưu chính công ích' : `Bộ phận Một cửa — ${dossier.receivingName}`,
      officerName: await userName(ctx, dossier.receivedBy),
      checkCode: dossier.checkCode,
    });
  }
  if (form === 'supplement') {
    const ev = lastOf('request-supplement') ?? lastOf('intake') ?? lastOf('submit');
    const items = (ev?.data.items as { name: string; reason: string }[] | undefined) ?? dossier.supplementItems;
    return renderSupplementRequest({
      ...base,
      items: items.map((x) => ({ document: x.name, reason: x.reason })),
      contact: `Bộ phận Một cửa — ${dossier.receivingName}`,
      officerName: ev?.actorLabel ?? '',
    });
  }
  if (form === 'refusal') {
    return renderRefusal({
      ...base,
      reasons: dossier.refusalReasons.length ? dossier.refusalReasons : ['—'],
      officerName: lastOf('refuse')?.actorLabel ?? lastOf('intake')?.actorLabel ?? '',
    });
  }
  if (form === 'apology') {
    return renderApology({
      ...base,
      receivedAt: dossier.receivedAt ?? dossier.submittedAt,
      oldDueAt: dossier.originalDueAt ?? dossier.dueAt ?? issuedAt,
      newDueAt: dossier.dueAt ?? issuedAt,
      reason: dossier.apologyReason ?? '',
      signerName: await agencyHeadName(ctx, dossier.competentAgencyId),
    });
  }
  const handoffs = await repo.listHandoffs(ctx.db, dossier.id);
  const returned = lastOf('return');
  const collector = returned ? readCollector(returned.data) : null;
  return renderControlSheet({
    ...base,
    leadAgency: dossier.competentName,
    receivedAt: dossier.receivedAt ?? undefined,
    dueAt: dossier.dueAt ?? issuedAt,
    handOffs: handoffs.map((h) => ({
      fromUnit: h.fromAgencyName ?? '',
      fromPerson: h.fromUserName ?? undefined,
      toUnit: h.toAgencyName ?? 'Người nộp hồ sơ',
      toPerson: h.toUserName ?? undefined,
      handedAt: h.h.occurredAt,
      stepDueAt: h.h.stepDueAt ?? undefined,
      timing: (h.h.result as 'early' | 'on_time' | 'late' | null) ?? undefined,
      note: h.h.note ?? undefined,
      // The return row's receiver is whoever collected the result.
      ...(h.h.step === 'return' && collector ? collectorParty(collector) : {}),
    })),
  });
}

/** Sổ theo dõi hồ sơ for a period of Vietnam dates [from, to]. */
export async function trackingBook(ctx: AppContext, p: P, q: { from: string; to: string }): Promise<Buffer> {
  const { principal, agencyIds } = policy.requireStaff(p, ['counter_officer', 'leader']);
  const from = vnMidnight(q.from);
  const to = new Date(vnMidnight(q.to).getTime() + 86_400_000);
  if (!(from < to) || to.getTime() - from.getTime() > 366 * 86_400_000) throw AppError.validation('to', 'Khoảng thời gian không hợp lệ (tối đa một năm).');
  const rows = await repo.listForBook(ctx.db, agencyIds, from, to);
  const grant = principal.grants.find((g) => g.role === 'counter_officer' || g.role === 'leader')!;
  const agency = await agencyInfo(ctx, grant.agencyId);
  // The book lists applicants' names, addresses and phones: the export itself is a read of personal data.
  await repo.logAccess(ctx.db, {
    actorId: principal.userId,
    actorLabel: principal.label,
    agencyId: grant.agencyId,
    entityType: 'tracking_book',
    entityId: `${q.from}..${q.to}`,
    purpose: `Xuất sổ theo dõi hồ sơ (${rows.length} hồ sơ)`,
    fields: rows.length,
  });
  return renderTrackingBookXlsx(
    // The query's end is exclusive (the next midnight); the title prints the last day of the period.
    { agencyName: agency.name, parentAgencyName: agency.parentName, from, to: new Date(to.getTime() - 1) },
    rows.map((d) => ({
      dossierCode: d.code,
      procedureName: d.procedureName,
      applicantName: d.applicant.fullName,
      applicantAddress: d.applicant.address,
      applicantPhone: d.applicant.phone,
      leadAgency: d.competentName,
      receivedAt: d.receivedAt ?? d.submittedAt,
      dueAt: d.dueAt ?? d.receivedAt ?? d.submittedAt,
      resultAt: d.status === 'result_ready' || d.status === 'returned' ? d.updatedAt : null,
      returnedAt: d.status === 'returned' ? d.closedAt : null,
      note: d.status === 'refused' ? 'Từ chối' : d.isLate ? 'Quá hạn' : undefined,
    })),
  );
}
