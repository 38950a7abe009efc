/**
 * Pure workforce rules: Vietnamese name order, the code lists and their spreadsheet spellings,
 * masking of personal identifiers, and the Decree 154/2025 streamlining rule set (law as data).
 */

// ── Vietnamese sort key ─────────────────────────────────────────────────────────────────────────
// PGlite has no `vi` ICU collation, so the app computes a key and the database compares it with
// COLLATE "C" (byte order, identical on PGlite and PostgreSQL). Letters in Vietnamese alphabet
// order (ă, â after a; đ after d; ê after e; ô, ơ after o; ư after u) at the first level, tones
// (ngang < huyền < hỏi < ngã < sắc < nặng) at the second level of each name part. Parts are keyed
// given name, then middle name, then family name. Agrees with Intl.Collator('vi') on names.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz0123456789';
const TONE_MARKS: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const BASE_MARKS = new Set(['\u0306', '\u0302', '\u031b']); // breve (ă), circumflex (â ê ô), horn (ơ ư)

function partKey(part: string): string {
  let primary = '';
  let tones = '';
  const decomposed = part.toLowerCase().normalize('NFD');
  for (let i = 0; i < decomposed.length; i++) {
    let ch = decomposed[i];
    if (/\p{M}/u.test(ch)) continue;
    let tone = 0;
    for (let j = i + 1; j < decomposed.length && /\p{M}/u.test(decomposed[j]); j++) {
      const mark = decomposed[j];
      if (BASE_MARKS.has(mark)) ch = (ch + mark).normalize('NFC');
      else if (mark in TONE_MARKS) tone = TONE_MARKS[mark];
    }
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) continue; // spaces, hyphens, anything else: ignored
    primary += String(10 + idx);
    tones += String(tone);
  }
  return `${primary}!${tones}`;
}

/** The stored `sort_key`: given, middle, family. Compare in SQL with COLLATE "C". */
export function vietnameseSortKey(n: { givenName: string; middleName: string; familyName: string }): string {
  return [n.givenName, n.middleName, n.familyName].map(partKey).join(' ');
}

/** "Nguyễn Thị Thu Hà" → family Nguyễn, middle "Thị Thu", given Hà. */
export function splitFullName(fullName: string): { familyName: string; middleName: string; givenName: string } | null {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  return { familyName: words[0], middleName: words.slice(1, -1).join(' '), givenName: words[words.length - 1] };
}

export const joinName = (n: { familyName: string; middleName: string; givenName: string }): string =>
  [n.familyName, n.middleName, n.givenName].filter(Boolean).join(' ');

// ── Code lists (value ⇄ spreadsheet spellings) ──────────────────────────────────────────────────
/** Lower case, no diacritics, đ→d, single spaces: how headers and code words are compared. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const CATEGORIES = ['can_bo', 'cong_chuc', 'vien_chuc', 'hop_dong'] as const;
export type Category = (typeof CATEGORIES)[number];
export const POLITICAL_THEORY = ['none', 'so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export type PoliticalTheory = (typeof POLITICAL_THEORY)[number];
export const DEGREES = ['tien_si', 'thac_si', 'dai_hoc', 'cao_dang', 'trung_cap', 'khac'] as const;
export type Degree = (typeof DEGREES)[number];
export const GENDERS = ['nam', 'nu'] as const;
export type Gender = (typeof GENDERS)[number];
export const AGE_BANDS = ['duoi_30', 'tu_30_39', 'tu_40_49', 'tu_50_59', 'tu_60'] as const;

/** Levels counted as "trung cấp trở lên"; cử nhân chính trị counts as cao cấp. */
export const INTERMEDIATE_OR_HIGHER: readonly PoliticalTheory[] = ['trung_cap', 'cao_cap', 'cu_nhan'];

const table =
  <T extends string>(entries: Record<string, T>) =>
  (raw: string): T | undefined =>
    entries[fold(raw)];

export const parseCategory = table<Category>({
  'can bo': 'can_bo',
  'cong chuc': 'cong_chuc',
  'vien chuc': 'vien_chuc',
  'hop dong': 'hop_dong',
  'lao dong hop dong': 'hop_dong',
  cb: 'can_bo',
  cc: 'cong_chuc',
  vc: 'vien_chuc',
  hd: 'hop_dong',
});
export const parseGender = table<Gender>({ nam: 'nam', nu: 'nu', male: 'nam', female: 'nu', m: 'nam', f: 'nu' });
const THEORY: Record<string, PoliticalTheory> = {
  'so cap': 'so_cap',
  'trung cap': 'trung_cap',
  'cao cap': 'cao_cap',
  'cu nhan': 'cu_nhan',
  'cu nhan chinh tri': 'cu_nhan',
  'cao cap ly luan chinh tri': 'cao_cap',
  'trung cap ly luan chinh tri': 'trung_cap',
  'so cap ly luan chinh tri': 'so_cap',
  khong: 'none',
  'chua qua dao tao': 'none',
  '': 'none',
};
export const parsePoliticalTheory = (raw: string): PoliticalTheory | undefined => THEORY[fold(raw)];
export function parseDegree(raw: string): Degree {
  const f = fold(raw);
  if (/^(ts|tien si)/.test(f)) return 'tien_si';
  if (/^(ths|thac si)/.test(f)) return 'thac_si';
  if (/^(dh|dai hoc|cu nhan|ky su|bac si)/.test(f)) return 'dai_hoc';
  if (/^(cd|cao dang)/.test(f)) return 'cao_dang';
  if (/^(tc|trung cap)/.test(f)) return 'trung_cap';
  return 'khac';
}
export function parseYesNo(raw: string): boolean {
  return ['x', 'co', 'c', 'yes', 'y', '1', 'true', 'dang vien', 'dv'].includes(fold(raw));
}

/** dd/mm/yyyy (also d/m/yyyy and dd-mm-yyyy) → YYYY-MM-DD, or null when not a real date. */
export function parseViDate(raw: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1900) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ── Masking ─────────────────────────────────────────────────────────────────────────────────────
/** Keep the last `keep` characters: "001080012345" → "*********345". */
export const maskTail = (v: string | null, keep = 3): string | null => (v ? '*'.repeat(Math.max(0, v.length - keep)) + v.slice(-keep) : null);

// ── Decree 154/2025/NĐ-CP on tinh giản biên chế ────────────────────────────────────────────────
/**
 * Law as data. The group list is paraphrased and partly UNCONFIRMED (docs: vietnam-rules.md §4.5);
 * Home Affairs reviews every flag, nothing is decided automatically.
 */
export const STREAMLINING_RULES = {
  id: 'nd-154-2025',
  legalReference: 'Nghị định 154/2025/NĐ-CP về tinh giản biên chế',
  effectiveFrom: '2025-06-15',
  groups: [
    { code: 'G1', label: 'Dôi dư do sắp xếp tổ chức bộ máy, đơn vị hành chính' },
    { code: 'G2', label: 'Dôi dư do rà soát, cơ cấu lại theo vị trí việc làm' },
    { code: 'G3', label: 'Chưa đạt chuẩn trình độ đào tạo của vị trí việc làm, không bố trí được việc khác' },
    { code: 'G4', label: 'Xếp loại chất lượng ở mức hoàn thành nhiệm vụ trở xuống / không hoàn thành nhiệm vụ' },
    { code: 'G5', label: 'Nghỉ ốm vượt mức hưởng bảo hiểm xã hội, không đủ sức khỏe công tác' },
  ],
  deferrals: [
    { code: 'D1', label: 'Đang mang thai, nghỉ thai sản, nuôi con dưới 36 tháng tuổi (trừ khi tự nguyện)' },
    { code: 'D2', label: 'Đang bị xem xét kỷ luật, truy cứu trách nhiệm hình sự hoặc thanh tra, kiểm tra do có dấu hiệu vi phạm' },
  ],
} as const;
export const STREAMLINING_GROUP_CODES = STREAMLINING_RULES.groups.map((g) => g.code) as string[];
export const STREAMLINING_DEFERRAL_CODES = STREAMLINING_RULES.deferrals.map((d) => d.code) as string[];
