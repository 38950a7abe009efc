/**
 * The columns of the catalog spreadsheet (export and import) and the conversion between a
 * procedure and a row of text cells. Headers are Vietnamese; on import, headers and enumerated
 * values are compared without accents, and English aliases are accepted.
 */
import type { ProcedureDetail } from './procedures.presenter.js';
import type { HandlerKind, LimitUnit, OnlineLevel, ResultType, StepCode } from './procedures.schemas.js';
import { STEP_CODES } from './procedures.schemas.js';
import { cellLines, fold, formatItemLine, parseItemLine } from './procedures.sheet.js';
import type { ProcedureInput } from './procedures.write.js';

export const COLUMNS = [
  { key: 'code', header: 'Mã thủ tục', aliases: ['ma thu tuc', 'ma tthc', 'ma', 'code'], width: 26 },
  { key: 'name', header: 'Tên thủ tục', aliases: ['ten thu tuc', 'ten tthc', 'ten', 'name'], width: 50 },
  { key: 'field', header: 'Lĩnh vực', aliases: ['linh vuc', 'ma linh vuc', 'field'], width: 22 },
  { key: 'agencyCode', header: 'Mã cơ quan', aliases: ['ma co quan', 'ma co quan thuc hien', 'agency code'], width: 18 },
  { key: 'agencyName', header: 'Cơ quan thực hiện', aliases: ['co quan thuc hien', 'co quan', 'agency'], width: 30 },
  { key: 'onlineLevel', header: 'Mức độ DVC', aliases: ['muc do dvc', 'muc do dich vu cong', 'muc do', 'online level'], width: 14 },
  { key: 'limitAmount', header: 'Thời hạn', aliases: ['thoi han', 'thoi han giai quyet', 'time limit'], width: 10 },
  { key: 'limitUnit', header: 'Đơn vị thời hạn', aliases: ['don vi thoi han', 'don vi', 'unit'], width: 16 },
  { key: 'fees', header: 'Lệ phí', aliases: ['le phi', 'phi le phi', 'phi', 'fees'], width: 34 },
  { key: 'documents', header: 'Thành phần hồ sơ', aliases: ['thanh phan ho so', 'ho so', 'documents'], width: 60 },
  { key: 'steps', header: 'Trình tự thực hiện', aliases: ['trinh tu thuc hien', 'quy trinh', 'cac buoc', 'steps'], width: 60 },
  { key: 'resultType', header: 'Hình thức kết quả', aliases: ['hinh thuc ket qua', 'ket qua', 'result type'], width: 16 },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', aliases: ['can cu phap ly', 'legal basis'], width: 40 },
  { key: 'ruleVersion', header: 'Phiên bản quy định', aliases: ['phien ban quy dinh', 'phien ban', 'rule version'], width: 16 },
  { key: 'effectiveFrom', header: 'Ngày hiệu lực', aliases: ['ngay hieu luc', 'hieu luc tu', 'effective from'], width: 14 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const HEADERS = COLUMNS.map((c) => c.header);
export const NUMERIC_COLUMNS = [COLUMNS.findIndex((c) => c.key === 'limitAmount')];

const LABELS = {
  onlineLevel: { full: 'Toàn trình', partial: 'Một phần', none: 'Trực tiếp' } satisfies Record<OnlineLevel, string>,
  limitUnit: { working_days: 'Ngày làm việc', working_hours: 'Giờ làm việc', calendar_days: 'Ngày', same_day: 'Trong ngày' } satisfies Record<
    LimitUnit,
    string
  >,
  resultType: { paper: 'Bản giấy', electronic: 'Bản điện tử', both: 'Bản giấy và bản điện tử' } satisfies Record<ResultType, string>,
  handler: { receiving: 'Bộ phận một cửa', competent: 'Cơ quan giải quyết', other: 'Cơ quan khác' } satisfies Record<HandlerKind, string>,
};
const EXTRA_ALIASES: Record<string, string> = {
  'muc do 4': 'full',
  'toan trinh': 'full',
  'muc do 3': 'partial',
  'mot phan': 'partial',
  khong: 'none',
  'muc do 2': 'none',
  'ngay lam viec': 'working_days',
  'working days': 'working_days',
  'gio lam viec': 'working_hours',
  gio: 'working_hours',
  'working hours': 'working_hours',
  ngay: 'calendar_days',
  'ngay lich': 'calendar_days',
  'calendar days': 'calendar_days',
  'trong ngay': 'same_day',
  'same day': 'same_day',
  giay: 'paper',
  'ban giay': 'paper',
  'dien tu': 'electronic',
  'ban dien tu': 'electronic',
  'ca hai': 'both',
  'giay va dien tu': 'both',
};

/** Map a label, an alias or the enum value itself (folded) to the enum value. */
function enumOf<T extends string>(labels: Record<T, string>, raw: string): T | undefined {
  const f = fold(raw);
  for (const [value, label] of Object.entries(labels) as [T, string][]) if (f === fold(label) || f === fold(value)) return value;
  const alias = EXTRA_ALIASES[f];
  return alias && alias in labels ? (alias as T) : undefined;
}

const fmtNumber = (n: number): string => String(n);
const fmtMoney = (n: number): string => n.toLocaleString('de-DE'); // 200.000: the Vietnamese grouping

/** One procedure as the cells of a row, in COLUMNS order. */
export function toRow(d: ProcedureDetail): string[] {
  const cells: Record<ColumnKey, string> = {
    code: d.code,
    name: d.name,
    field: d.fieldName,
    agencyCode: d.agencyCode,
    agencyName: d.agencyName,
    onlineLevel: LABELS.onlineLevel[d.onlineLevel as OnlineLevel] ?? d.onlineLevel,
    limitAmount: fmtNumber(d.timeLimit.amount),
    limitUnit: LABELS.limitUnit[d.timeLimit.unit as LimitUnit] ?? d.timeLimit.unit,
    fees: d.fees.map((f) => formatItemLine(f.name, [`số tiền: ${fmtMoney(f.amount)}`, f.note ? `ghi chú: ${f.note}` : null])).join('\n'),
    documents: d.documents
      .map((x) =>
        formatItemLine(x.name, [
          `bản chính: ${x.originals}`,
          `bản sao: ${x.copies}`,
          !x.isRequired && 'không bắt buộc',
          x.templateName ? `mẫu: ${x.templateName}` : null,
          x.templateUrl ? `đường dẫn mẫu: ${x.templateUrl}` : null,
          x.note ? `ghi chú: ${x.note}` : null,
        ]),
      )
      .join('\n'),
    steps: d.steps
      .map((s) =>
        formatItemLine(s.name, [
          `bước: ${s.code}`,
          `xử lý: ${LABELS.handler[s.handlingAgency as HandlerKind] ?? s.handlingAgency}`,
          s.agencyCode ? `cơ quan: ${s.agencyCode}` : null,
          `thời gian: ${fmtNumber(s.budget)}`,
        ]),
      )
      .join('\n'),
    resultType: LABELS.resultType[d.resultType as ResultType] ?? d.resultType,
    legalBasis: d.legalBasis,
    ruleVersion: d.ruleVersion,
    effectiveFrom: d.effectiveFrom,
  };
  return COLUMNS.map((c) => cells[c.key]);
}

/** Header cells → column key by position; unknown headers are ignored. */
export function mapHeader(header: string[]): (ColumnKey | null)[] {
  return header.map((h) => {
    const f = fold(h);
    return COLUMNS.find((c) => c.aliases.includes(f as never) || fold(c.header) === f)?.key ?? null;
  });
}

const parseDecimal = (raw: string): number | null => {
  const s = raw.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
};
const parseMoney = (raw: string): number | null => {
  const s = raw.replace(/(đồng|đ|vnđ|vnd)\s*$/i, '').replace(/[\s.,]/g, '');
  return /^\d+$/.test(s) ? Number(s) : null;
};
const parseCount = (raw: string | undefined, dflt: number): number | null =>
  raw === undefined ? dflt : /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : null;

export interface RowContext {
  /** folded field name or code → field code */
  fields: Map<string, string>;
  /** folded agency name → agency code, for files without the agency-code column */
  agencyNames: Map<string, string>;
}

/** A row of cells → the create body, or the reasons it cannot be one. */
export function fromRow(get: (k: ColumnKey) => string, ctx: RowContext): { input?: ProcedureInput; reasons: string[] } {
  const reasons: string[] = [];
  const code = get('code').trim();
  if (!code) reasons.push('Thiếu mã thủ tục');
  else if (!/^[0-9]\.[0-9]{6}(\.[0-9A-Z]{1,20}){0,6}$/.test(code)) reasons.push(`Mã thủ tục không hợp lệ: ${code}`);
  const name = get('name').trim();
  if (!name) reasons.push('Thiếu tên thủ tục');
  const fieldRaw = get('field').trim();
  const fieldCode = ctx.fields.get(fold(fieldRaw)) ?? ctx.fields.get(fieldRaw);
  if (!fieldRaw) reasons.push('Thiếu lĩnh vực');
  else if (!fieldCode) reasons.push(`Không có lĩnh vực: ${fieldRaw}`);
  const agencyCode = get('agencyCode').trim() || ctx.agencyNames.get(fold(get('agencyName'))) || '';
  if (!agencyCode) reasons.push(`Không có cơ quan: ${get('agencyName').trim() || '(trống)'}`);
  const onlineLevel = enumOf(LABELS.onlineLevel, get('onlineLevel') || 'none');
  if (!onlineLevel) reasons.push(`Mức độ DVC không hợp lệ: ${get('onlineLevel')}`);
  const amount = parseDecimal(get('limitAmount'));
  if (amount === null || amount <= 0) reasons.push(`Thời hạn không phải là số dương: ${get('limitAmount') || '(trống)'}`);
  const unit = enumOf(LABELS.limitUnit, get('limitUnit'));
  if (!unit) reasons.push(`Đơn vị thời hạn không hợp lệ: ${get('limitUnit') || '(trống)'}`);
  const resultType = enumOf(LABELS.resultType, get('resultType') || 'paper');
  if (!resultType) reasons.push(`Hình thức kết quả không hợp lệ: ${get('resultType')}`);
  const effectiveFrom = get('effectiveFrom').trim() || new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom)))
    reasons.push(`Ngày hiệu lực không hợp lệ (YYYY-MM-DD): ${effectiveFrom}`);

  const fees = [];
  for (const line of cellLines(get('fees'))) {
    if (['mien phi', 'khong'].includes(fold(line))) continue;
    const item = parseItemLine(line, ['so tien', 'ghi chu']);
    const simple = item.attrs.size === 0 ? /^(.*?):\s*([\d.,\s]+\s*(?:đồng|đ|vnđ|vnd)?)$/i.exec(line) : null;
    const amountRaw = item.attrs.get('so tien') ?? simple?.[2];
    const feeAmount = amountRaw === undefined ? null : parseMoney(amountRaw);
    if (feeAmount === null) reasons.push(`Lệ phí không rõ số tiền: ${line}`);
    else fees.push({ name: simple?.[1].trim() ?? item.head, amount: feeAmount, note: item.attrs.get('ghi chu') ?? null });
  }

  const documents = [];
  for (const line of cellLines(get('documents'))) {
    const item = parseItemLine(line, ['ban chinh', 'ban sao', 'mau', 'duong dan mau', 'ghi chu'], ['khong bat buoc']);
    const originals = parseCount(item.attrs.get('ban chinh'), 1);
    const copies = parseCount(item.attrs.get('ban sao'), 0);
    if (originals === null || copies === null) reasons.push(`Số bản không hợp lệ: ${line}`);
    documents.push({
      name: item.head,
      originals: originals ?? 1,
      copies: copies ?? 0,
      isRequired: !item.flags.has('khong bat buoc'),
      templateName: item.attrs.get('mau') ?? null,
      templateUrl: item.attrs.get('duong dan mau') ?? null,
      note: item.attrs.get('ghi chu') ?? null,
    });
  }

  const steps: ProcedureInput['steps'] = [];
  for (const line of cellLines(get('steps'))) {
    const item = parseItemLine(line, ['buoc', 'xu ly', 'co quan', 'thoi gian']);
    const stepCode = STEP_CODES.find((c) => c === fold(item.attrs.get('buoc') ?? ''));
    const handler = enumOf(LABELS.handler, item.attrs.get('xu ly') ?? 'competent');
    const budget = parseDecimal(item.attrs.get('thoi gian') ?? '');
    if (!stepCode || !handler || budget === null) reasons.push(`Bước không hợp lệ (cần "bước", "xử lý", "thời gian"): ${line}`);
    else steps.push({ code: stepCode as StepCode, name: item.head, handlingAgency: handler, agencyCode: item.attrs.get('co quan') ?? null, budget });
  }
  if (!steps.length && amount !== null && amount > 0) {
    // no step template given: the competent agency handles the whole time limit
    steps.push({ code: 'receive', name: 'Tiếp nhận hồ sơ', handlingAgency: 'receiving', agencyCode: null, budget: 0 });
    steps.push({ code: 'appraise', name: 'Thẩm định, giải quyết hồ sơ', handlingAgency: 'competent', agencyCode: null, budget: amount });
    steps.push({ code: 'return', name: 'Trả kết quả', handlingAgency: 'receiving', agencyCode: null, budget: 0 });
  }
  if (reasons.length) return { reasons };
  return {
    reasons,
    input: {
      code,
      name,
      fieldCode: fieldCode!,
      agencyCode,
      onlineLevel: onlineLevel!,
      timeLimit: { amount: amount!, unit: unit! },
      fees,
      resultType: resultType!,
      legalBasis: get('legalBasis').trim(),
      ruleVersion: get('ruleVersion').trim() || effectiveFrom,
      effectiveFrom,
      documents,
      steps,
    },
  };
}
