/**
 * The dossier state machine, pure and typed: statuses, actions, the allowed transitions and who
 * may perform each one. Status names follow the catalogue provincial systems sync with DVCQG
 * (vietnam-rules.md §1.9); the service checks state here before it writes anything.
 */

export const DOSSIER_STATUSES = [
  'submitted', // 1 Mới đăng ký (online, awaiting receipt)
  'received', // 2 Được tiếp nhận
  'refused', // 3 Không được tiếp nhận / từ chối
  'processing', // 4 Đang xử lý (assigned, appraised, approved)
  'supplement_requested', // 5 Yêu cầu bổ sung
  'awaiting_payment', // 6 Yêu cầu thực hiện nghĩa vụ tài chính
  'withdrawn', // 7 Công dân rút hồ sơ
  'stopped', // 8 Dừng xử lý
  'result_ready', // 9 Đã xử lý xong
  'returned', // 10 Đã trả kết quả
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DVCQG_STATUS_ID: Record<DossierStatus, number> = {
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

export const DOSSIER_ACTIONS = [
  'receive',
  'request-supplement',
  'submit-supplement',
  'assign',
  'forward',
  'approve',
  'confirm-payment',
  'complete',
  'return',
  'refuse',
  'apologize',
  'withdraw',
  'stop',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

/**
 * Where the actor must stand: the receiving one-stop desk, the competent (or current) agency, the
 * competent agency itself (`owner`: the decisions a coordinating agency, one the dossier was
 * forwarded to for its part, may not take), or the applicant.
 */
export type Side = 'receiving' | 'competent' | 'owner' | 'applicant';
export type ActorRole = 'counter_officer' | 'processing_officer' | 'leader' | 'citizen';
export interface Permit {
  role: ActorRole;
  side: Side;
}

export type SupplementStage = 'intake' | 'appraisal';

export interface Transition {
  from: readonly DossierStatus[];
  /** The next status; a function when it depends on the dossier. */
  to: DossierStatus | ((d: MachineView) => DossierStatus);
  by: readonly Permit[];
  /** Extra state conditions beyond the status (returns the reason when refused). */
  guard?: (d: MachineView) => string | null;
}

/** What the machine needs to know about a dossier. */
export interface MachineView {
  status: DossierStatus;
  currentStep: string;
  supplementStage: SupplementStage | null;
  hasUnpaidFees: boolean;
}

const counter: Permit = { role: 'counter_officer', side: 'receiving' };
const officer: Permit = { role: 'processing_officer', side: 'competent' };
const leader: Permit = { role: 'leader', side: 'competent' };
const ownerOfficer: Permit = { role: 'processing_officer', side: 'owner' };
const ownerLeader: Permit = { role: 'leader', side: 'owner' };
const applicant: Permit = { role: 'citizen', side: 'applicant' };
const OPEN: readonly DossierStatus[] = ['submitted', 'received', 'supplement_requested', 'processing', 'awaiting_payment'];

export const TRANSITIONS: Record<DossierAction, readonly Transition[]> = {
  receive: [{ from: ['submitted'], to: 'received', by: [counter] }],
  'request-supplement': [
    { from: ['submitted', 'received'], to: 'supplement_requested', by: [counter] },
    { from: ['processing'], to: 'supplement_requested', by: [officer, leader] },
  ],
  'submit-supplement': [
    { from: ['supplement_requested'], to: (d) => (d.supplementStage === 'appraisal' ? 'processing' : 'received'), by: [applicant, counter] },
  ],
  assign: [{ from: ['received', 'processing'], to: 'processing', by: [leader, officer] }],
  forward: [
    { from: ['processing'], to: 'processing', by: [officer, leader], guard: (d) => (d.currentStep === 'approved' ? 'Hồ sơ đã được phê duyệt.' : null) },
  ],
  approve: [
    {
      from: ['processing'],
      to: (d) => (d.hasUnpaidFees ? 'awaiting_payment' : 'processing'),
      by: [ownerLeader],
      guard: (d) =>
        d.currentStep === 'approved'
          ? 'Hồ sơ đã được phê duyệt.'
          : d.currentStep === 'receive' || d.currentStep === 'assign'
            ? 'Hồ sơ chưa được phân công xử lý.'
            : null,
    },
  ],
  'confirm-payment': [{ from: ['awaiting_payment'], to: 'processing', by: [counter, officer] }],
  complete: [
    {
      from: ['processing'],
      to: 'result_ready',
      by: [ownerOfficer, ownerLeader],
      guard: (d) => (d.currentStep === 'approved' ? null : 'Hồ sơ chưa được lãnh đạo phê duyệt.'),
    },
  ],
  return: [{ from: ['result_ready'], to: 'returned', by: [counter] }],
  refuse: [
    { from: ['submitted', 'received'], to: 'refused', by: [counter] },
    { from: ['processing'], to: 'refused', by: [ownerOfficer, ownerLeader] },
  ],
  apologize: [{ from: ['received', 'processing', 'awaiting_payment'], to: (d) => d.status, by: [officer, leader] }],
  withdraw: [{ from: OPEN, to: 'withdrawn', by: [applicant, counter] }],
  stop: [{ from: ['received', 'supplement_requested', 'processing', 'awaiting_payment'], to: 'stopped', by: [ownerLeader] }],
};

export type Decision = { ok: true; to: DossierStatus; transition: Transition } | { ok: false; reason: string };

/** The transition an action takes from the dossier's state, or why it cannot. */
export function decide(action: DossierAction, d: MachineView): Decision {
  const t = TRANSITIONS[action].find((x) => x.from.includes(d.status));
  if (!t) return { ok: false, reason: `Không thể thực hiện "${action}" khi hồ sơ ở trạng thái "${d.status}".` };
  const refused = t.guard?.(d);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, to: typeof t.to === 'function' ? t.to(d) : t.to, transition: t };
}

/** The permits of the transition with `owner` read as `competent`: who would pass if coordinating agencies could decide. */
export const asCoordinator = (t: Transition): Transition => ({ ...t, by: t.by.map((p) => (p.side === 'owner' ? { ...p, side: 'competent' } : p)) });

/** Whether someone holding `roles` on the given sides may perform the transition. */
export function isPermitted(t: Transition, holds: (p: Permit) => boolean): boolean {
  return t.by.some(holds);
}

/** Actions available from a state (for the UI's buttons), ignoring authority. */
export function availableActions(d: MachineView): DossierAction[] {
  return DOSSIER_ACTIONS.filter((a) => decide(a, d).ok);
}

/** Supplement stage of a request made from `status`: intake at the desk, appraisal during processing. */
export const supplementStageFrom = (status: DossierStatus): SupplementStage => (status === 'processing' ? 'appraisal' : 'intake');
