/**
 * The one-stop rules as data (law is data): each set names its legal reference and the date it
 * takes effect. Decree 118/2025 replaced 61/2018 on 01/07/2025; whether it kept the 61/2018
 * values verbatim is UNCONFIRMED (vietnam-rules.md §1.2), so its set repeats them, marked so.
 */
import { vnDate } from '../../../shared/vn-time.js';

export interface DossierRuleSet {
  id: string;
  effectiveFrom: string;
  legalReference: string;
  isConfirmed: boolean;
  /** An appraisal supplement may be requested only within this many working days of receipt (61/2018 Art. 19.4). */
  appraisalSupplementWindowDays: number;
  /** After an appraisal supplement, the time limit restarts from zero, or only pauses. */
  appraisalSupplementClock: 'restart' | 'pause';
  /** Supplement requests allowed per stage (Art. 15.3, 19.4). */
  supplementsPerStage: number;
  /** The apology slip is due at least this many working days before the deadline (Art. 19.9). */
  apologyLeadWorkingDays: number;
  /** How many times a dossier may be rescheduled (Art. 19.9). */
  maxReschedules: number;
  /** "Due soon" highlighting in work queues, in hours. */
  dueSoonHours: number;
  /**
   * A same-day procedure received at or after this local time ('HH:MM') is due at the close of the
   * next working day (the one-stop's 15:00 rule), with the reference it comes from.
   */
  sameDayCutoff: { clock: string; legalReference: string };
}

export const RULE_SETS: readonly DossierRuleSet[] = [
  {
    id: 'ND61-2018',
    effectiveFrom: '2018-06-21',
    legalReference: 'Nghị định 61/2018/NĐ-CP Điều 15, 19; Thông tư 01/2018/TT-VPCP',
    isConfirmed: true,
    appraisalSupplementWindowDays: 3,
    appraisalSupplementClock: 'restart',
    supplementsPerStage: 1,
    apologyLeadWorkingDays: 1,
    maxReschedules: 1,
    dueSoonHours: 48,
    sameDayCutoff: { clock: '15:00', legalReference: 'Nghị định 61/2018/NĐ-CP Điều 18' },
  },
  {
    id: 'ND118-2025',
    effectiveFrom: '2025-07-01',
    legalReference: 'Nghị định 118/2025/NĐ-CP (giá trị kế thừa Nghị định 61/2018 — CHƯA XÁC NHẬN)',
    isConfirmed: false,
    appraisalSupplementWindowDays: 3,
    appraisalSupplementClock: 'restart',
    supplementsPerStage: 1,
    apologyLeadWorkingDays: 1,
    maxReschedules: 1,
    dueSoonHours: 48,
    sameDayCutoff: { clock: '15:00', legalReference: 'Nghị định 61/2018/NĐ-CP Điều 18 (kế thừa — CHƯA XÁC NHẬN theo Nghị định 118/2025/NĐ-CP)' },
  },
];

/** The rule set in force at `at` (Asia/Ho_Chi_Minh date). */
export function ruleSetAt(at: Date): DossierRuleSet {
  const day = vnDate(at);
  const inForce = RULE_SETS.filter((r) => r.effectiveFrom <= day).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return inForce[0] ?? RULE_SETS[0];
}

export const ruleSetById = (id: string | undefined): DossierRuleSet => RULE_SETS.find((r) => r.id === id) ?? RULE_SETS[RULE_SETS.length - 1];
