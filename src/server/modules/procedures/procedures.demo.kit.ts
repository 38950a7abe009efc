/** What the demo catalog files share: the step plans, the spec shape and the demo agencies' codes. */
import type { LimitUnit, OnlineLevel, ResultType, StepCode } from './procedures.schemas.js';
/** Steps as [code, budget] (null = what is left of the limit), optionally [code, budget, agency code]. */
export type StepSpec = [StepCode, number | null] | [StepCode, number | null, string];
export const SAME_DAY: StepSpec[] = [
  ['receive', 0.25],
  ['appraise', 0.5],
  ['approve', 0.25],
  ['return', 0],
];
export const STANDARD = (approve = 1): StepSpec[] => [
  ['receive', 0.5],
  ['assign', 0.5],
  ['appraise', null],
  ['approve', approve],
  ['return', 0.5],
];

export interface Spec {
  code: string;
  name: string;
  field: string;
  agency: string;
  online: OnlineLevel;
  limit: [number, LimitUnit];
  fees?: [string, number, string?][];
  result?: ResultType;
  legal: string;
  docs: [string, number, number, boolean?][];
  steps: StepSpec[];
}

export const TU_PHAP = '000.00.16.H57';
export const XAY_DUNG = '000.00.11.H57';
export const NN_MT = '000.00.22.H57';
export const NOI_VU = '000.00.14.H57';
export const PHUONG = '000.01.20.H57';
export const XA = '000.02.20.H57';
export const CCCD = 'Căn cước công dân hoặc giấy tờ tùy thân có ảnh (xuất trình)';
export const HO_TICH_LAW = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP';
