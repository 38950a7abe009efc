/**
 * Official state-sector holiday schedules, as data (vietnam-rules.md §6.2, sources S24).
 * Only the exceptions to Monday–Friday are listed: weekdays off and weekend days worked.
 * Document numbers are given where the research found them; otherwise the decision is named
 * and the number is marked as not verified.
 */
import type { CalendarDay, OfficialYear } from './holidays.types.js';

const ART_112 = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112';
const ART_111_3 = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3 (nghỉ bù)';
const NOT_VERIFIED = 'số hiệu văn bản chưa xác minh';

const NEW_YEAR = { name: 'Tết Dương lịch', nameEn: "New Year's Day" } as const;
const TET = { name: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)' } as const;
const HUNG_KINGS = { name: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)', nameEn: "Hùng Kings' Commemoration Day" } as const;
const VICTORY = { name: 'Ngày Chiến thắng (30/4)', nameEn: 'Victory Day (Reunification Day)' } as const;
const LABOUR = { name: 'Ngày Quốc tế Lao động (1/5)', nameEn: 'International Labour Day' } as const;
const NATIONAL = { name: 'Quốc khánh (2/9)', nameEn: 'National Day' } as const;
const NATIONAL_ADJACENT = { name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' } as const;

type Named = { readonly name: string; readonly nameEn: string };

function off(date: string, what: Named, source: string, unconfirmed?: string): CalendarDay {
  return unconfirmed ? { date, kind: 'day_off', ...what, source, unconfirmed } : { date, kind: 'day_off', ...what, source };
}

function swappedOff(date: string, madeUpOn: string | null, source: string): CalendarDay {
  if (madeUpOn === null) {
    return off(date, { name: 'Nghỉ hoán đổi', nameEn: 'Swapped day off' }, source, 'ngày thứ Bảy làm bù chưa xác định (vietnam-rules.md §6.2)');
  }
  return off(date, { name: `Nghỉ hoán đổi (làm bù thứ Bảy ${madeUpOn})`, nameEn: `Swapped day off (made up on Saturday ${madeUpOn})` }, source);
}

function makeUp(date: string, forDay: string, source: string): CalendarDay {
  return { date, kind: 'working_day', name: `Làm bù cho ngày ${forDay}`, nameEn: `Make-up working day for ${forDay}`, source };
}

const TET_2024 = `Lịch nghỉ Tết Giáp Thìn 2024 do Thủ tướng Chính phủ quyết định (${ART_112} khoản 3; ${NOT_VERIFIED})`;
const MAY_2024 = `Hoán đổi ngày làm việc dịp 30/4–1/5/2024 được Thủ tướng Chính phủ đồng ý (${NOT_VERIFIED})`;

const YEAR_2024: OfficialYear = {
  year: 2024,
  legalReference: `${ART_112}; lịch nghỉ Tết Giáp Thìn và hoán đổi dịp 30/4–1/5/2024 của Thủ tướng Chính phủ (${NOT_VERIFIED})`,
  version: '2024.1',
  days: [
    off('2024-01-01', NEW_YEAR, ART_112),
    off('2024-02-08', TET, TET_2024),
    off('2024-02-09', TET, TET_2024),
    off('2024-02-12', TET, TET_2024),
    off('2024-02-13', TET, TET_2024),
    off('2024-02-14', TET, TET_2024),
    off('2024-04-18', HUNG_KINGS, ART_112),
    swappedOff('2024-04-29', '04/05/2024', MAY_2024),
    off('2024-04-30', VICTORY, ART_112),
    off('2024-05-01', LABOUR, ART_112),
    makeUp('2024-05-04', '29/04/2024', MAY_2024),
    off('2024-09-02', NATIONAL, ART_112),
    off('2024-09-03', NATIONAL_ADJACENT, `${ART_112}; ngày liền kề do Thủ tướng Chính phủ quyết định`),
  ],
};

const TET_2025 = `Lịch nghỉ Tết Ất Tỵ 2025 (9 ngày, 25/01–02/02) do Thủ tướng Chính phủ chấp thuận (${ART_112} khoản 3; ${NOT_VERIFIED})`;
const MAY_2025 = `Nghỉ 30/4–4/5/2025 (5 ngày) theo thông báo của Chính phủ (${NOT_VERIFIED})`;

const YEAR_2025: OfficialYear = {
  year: 2025,
  legalReference: `${ART_112}; lịch nghỉ Tết Ất Tỵ, dịp 30/4–1/5 và Quốc khánh 2025 của Thủ tướng Chính phủ (${NOT_VERIFIED})`,
  version: '2025.1',
  days: [
    off('2025-01-01', NEW_YEAR, ART_112),
    off('2025-01-27', TET, TET_2025),
    off('2025-01-28', TET, TET_2025),
    off('2025-01-29', TET, TET_2025),
    off('2025-01-30', TET, TET_2025),
    off('2025-01-31', TET, TET_2025),
    off('2025-04-07', HUNG_KINGS, ART_112),
    off('2025-04-30', VICTORY, ART_112),
    off('2025-05-01', LABOUR, ART_112),
    swappedOff('2025-05-02', null, MAY_2025),
    off('2025-09-01', NATIONAL_ADJACENT, `${ART_112}; ngày liền kề do Thủ tướng Chính phủ quyết định`),
    off('2025-09-02', NATIONAL, ART_112),
  ],
};

const NEW_YEAR_2026 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (hoán đổi ngày làm việc dịp Tết Dương lịch 2026)';
const TET_2026 = `Lịch nghỉ Tết Bính Ngọ 2026 (9 ngày, 14/02–22/02) do Thủ tướng Chính phủ chấp thuận (${ART_112} khoản 3; ${NOT_VERIFIED})`;
const SEPT_2026 = `Nghỉ Quốc khánh 29/8–2/9/2026 (5 ngày) theo thông báo của Chính phủ (${NOT_VERIFIED})`;

const YEAR_2026: OfficialYear = {
  year: 2026,
  legalReference: `${ART_112}; ${NEW_YEAR_2026}; lịch nghỉ Tết Bính Ngọ và Quốc khánh 2026 của Thủ tướng Chính phủ (${NOT_VERIFIED})`,
  version: '2026.1',
  days: [
    off('2026-01-01', NEW_YEAR, ART_112),
    swappedOff('2026-01-02', '10/01/2026', NEW_YEAR_2026),
    makeUp('2026-01-10', '02/01/2026', NEW_YEAR_2026),
    off('2026-02-16', TET, TET_2026),
    off('2026-02-17', TET, TET_2026),
    off('2026-02-18', TET, TET_2026),
    off('2026-02-19', TET, TET_2026),
    off('2026-02-20', TET, TET_2026),
    off(
      '2026-04-27',
      { name: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', nameEn: "Compensatory day off for Hùng Kings' Commemoration (26/04 is a Sunday)" },
      ART_111_3,
    ),
    off('2026-04-30', VICTORY, ART_112),
    off('2026-05-01', LABOUR, ART_112),
    swappedOff('2026-08-31', null, SEPT_2026),
    off('2026-09-01', NATIONAL_ADJACENT, `${ART_112}; ngày liền kề do Thủ tướng Chính phủ quyết định`),
    off('2026-09-02', NATIONAL, ART_112),
  ],
};

export const officialYears: Readonly<Record<number, OfficialYear>> = {
  2024: YEAR_2024,
  2025: YEAR_2025,
  2026: YEAR_2026,
};
