import { NATIONAL_CODE } from '../../../shared/roles.js';

/**
 * The 34 provinces and centrally-run cities from 01/07/2025 (Decision 19/2025/QĐ-TTg, Resolution
 * 202/2025/QH15). Codes are stable for a unit's lifetime and never reused.
 */
export const PROVINCES: ReadonlyArray<{ code: string; name: string; type: 'tinh' | 'thanh_pho_tw' }> = [
  { code: '01', name: 'Thành phố Hà Nội', type: 'thanh_pho_tw' },
  { code: '04', name: 'Tỉnh Cao Bằng', type: 'tinh' },
  { code: '08', name: 'Tỉnh Tuyên Quang', type: 'tinh' },
  { code: '11', name: 'Tỉnh Điện Biên', type: 'tinh' },
  { code: '12', name: 'Tỉnh Lai Châu', type: 'tinh' },
  { code: '14', name: 'Tỉnh Sơn La', type: 'tinh' },
  { code: '15', name: 'Tỉnh Lào Cai', type: 'tinh' },
  { code: '19', name: 'Tỉnh Thái Nguyên', type: 'tinh' },
  { code: '20', name: 'Tỉnh Lạng Sơn', type: 'tinh' },
  { code: '22', name: 'Tỉnh Quảng Ninh', type: 'tinh' },
  { code: '24', name: 'Tỉnh Bắc Ninh', type: 'tinh' },
  { code: '25', name: 'Tỉnh Phú Thọ', type: 'tinh' },
  { code: '31', name: 'Thành phố Hải Phòng', type: 'thanh_pho_tw' },
  { code: '33', name: 'Tỉnh Hưng Yên', type: 'tinh' },
  { code: '37', name: 'Tỉnh Ninh Bình', type: 'tinh' },
  { code: '38', name: 'Tỉnh Thanh Hóa', type: 'tinh' },
  { code: '40', name: 'Tỉnh Nghệ An', type: 'tinh' },
  { code: '42', name: 'Tỉnh Hà Tĩnh', type: 'tinh' },
  { code: '44', name: 'Tỉnh Quảng Trị', type: 'tinh' },
  { code: '46', name: 'Thành phố Huế', type: 'thanh_pho_tw' },
  { code: '48', name: 'Thành phố Đà Nẵng', type: 'thanh_pho_tw' },
  { code: '51', name: 'Tỉnh Quảng Ngãi', type: 'tinh' },
  { code: '52', name: 'Tỉnh Gia Lai', type: 'tinh' },
  { code: '56', name: 'Tỉnh Khánh Hòa', type: 'tinh' },
  { code: '66', name: 'Tỉnh Đắk Lắk', type: 'tinh' },
  { code: '68', name: 'Tỉnh Lâm Đồng', type: 'tinh' },
  { code: '75', name: 'Tỉnh Đồng Nai', type: 'tinh' },
  { code: '79', name: 'Thành phố Hồ Chí Minh', type: 'thanh_pho_tw' },
  { code: '80', name: 'Tỉnh Tây Ninh', type: 'tinh' },
  { code: '82', name: 'Tỉnh Đồng Tháp', type: 'tinh' },
  { code: '86', name: 'Tỉnh Vĩnh Long', type: 'tinh' },
  { code: '91', name: 'Tỉnh An Giang', type: 'tinh' },
  { code: '92', name: 'Thành phố Cần Thơ', type: 'thanh_pho_tw' },
  { code: '96', name: 'Tỉnh Cà Mau', type: 'tinh' },
];

/**
 * The national level: an administrative unit in no province, under which the national agencies sit.
 * The Ministry of Home Affairs announces the year's days off (since 2025 it also holds the former
 * Ministry of Labour's remit); its level-1 identifier is G09 (Decision 09/2025/QĐ-TTg amending
 * Decision 20/2020/QĐ-TTg). Its administrators are national administrators (docs/ARCHITECTURE.md).
 */
export const NATIONAL_UNIT = { code: NATIONAL_CODE, level: 'national', type: 'quoc_gia', name: 'Cộng hòa xã hội chủ nghĩa Việt Nam' } as const;
export const NATIONAL_AGENCIES: ReadonlyArray<{ code: string; name: string; parent: string | null }> = [
  { code: '000.00.00.G09', name: 'Bộ Nội vụ', parent: null },
];
