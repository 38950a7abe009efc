/**
 * The demo dataset: a province (Tuyên Quang, which absorbed Hà Giang in 2025, the article's
 * province) with its Public Administrative Service Center, Department of Home Affairs and other
 * departments, a few communes, and one account per role. Every person is fictional; every row is
 * marked is_demo. Agency identifiers follow the shape of Decision 20/2020 but are illustrative.
 */
import type { Role } from '../../platform/principal.js';
import { DEMO_AGENCY_STAFF } from './demo.staff.js';

export const DEMO_PROVINCE = '08';

export const DEMO_COMMUNES = [
  { code: '90001', name: 'Phường Hà Giang 1', type: 'phuong', predecessors: [] as string[] },
  { code: '90002', name: 'Phường Hà Giang 2', type: 'phuong', predecessors: [] },
  { code: '90003', name: 'Phường Minh Xuân', type: 'phuong', predecessors: [] },
  { code: '90004', name: 'Xã Đồng Văn', type: 'xa', predecessors: [] },
  { code: '90005', name: 'Xã Mèo Vạc', type: 'xa', predecessors: [] },
];

export const DEMO_AGENCIES: ReadonlyArray<{ code: string; name: string; parent: string | null; adminUnit: string; units?: string[] }> = [
  { code: '000.00.00.H57', name: 'Ủy ban nhân dân tỉnh Tuyên Quang', parent: null, adminUnit: '08' },
  {
    code: '000.00.31.H57',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    parent: '000.00.00.H57',
    adminUnit: '08',
    units: ['Bộ phận tiếp nhận và trả kết quả', 'Phòng Kiểm soát thủ tục hành chính'],
  },
  { code: '000.00.14.H57', name: 'Sở Nội vụ', parent: '000.00.00.H57', adminUnit: '08', units: ['Phòng Công chức, viên chức', 'Phòng Thi đua, khen thưởng'] },
  { code: '000.00.16.H57', name: 'Sở Tư pháp', parent: '000.00.00.H57', adminUnit: '08', units: ['Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp'] },
  { code: '000.00.22.H57', name: 'Sở Nông nghiệp và Môi trường', parent: '000.00.00.H57', adminUnit: '08', units: ['Phòng Đất đai'] },
  { code: '000.00.11.H57', name: 'Sở Xây dựng', parent: '000.00.00.H57', adminUnit: '08', units: ['Phòng Quản lý hoạt động xây dựng'] },
  { code: '000.00.05.H57', name: 'Thanh tra tỉnh', parent: '000.00.00.H57', adminUnit: '08' },
  { code: '000.01.20.H57', name: 'Ủy ban nhân dân phường Hà Giang 1', parent: '000.00.00.H57', adminUnit: '90001', units: ['Bộ phận một cửa'] },
  { code: '000.02.20.H57', name: 'Ủy ban nhân dân xã Đồng Văn', parent: '000.00.00.H57', adminUnit: '90004', units: ['Bộ phận một cửa'] },
];

/** The record of a demo member of staff in the register of officials (his name is the account's display name). */
export interface DemoOfficialProfile {
  code: string;
  dateOfBirth: string;
  gender: 'nam' | 'nu';
  rank: string;
  leadershipTitle?: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  kind: 'official' | 'citizen';
  role: Role;
  agency: string;
  phone?: string;
  /** A citizen's ID number (CCCD), which pre-fills the online form. */
  idNumber?: string;
  official?: DemoOfficialProfile;
}

/**
 * One account per role, and a processing officer and a leader in every agency that owns procedures
 * (demo.staff.ts). Every staff account is linked to its own official record in the register (same
 * full name), so "my record" pages and the rule that nobody judges his own case can be tried.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    displayName: 'Đinh Văn Khoa',
    kind: 'official',
    role: 'admin',
    agency: '000.00.00.H57',
    official: { code: 'DEMOTK0001', dateOfBirth: '1984-03-14', gender: 'nam', rank: 'Chuyên viên' },
  },
  {
    username: 'motcua',
    displayName: 'Nguyễn Thị Mai',
    kind: 'official',
    role: 'counter_officer',
    agency: '000.00.31.H57',
    official: { code: 'DEMOTK0002', dateOfBirth: '1992-08-21', gender: 'nu', rank: 'Chuyên viên' },
  },
  {
    username: 'chuyenvien',
    displayName: 'Trần Văn Bình',
    kind: 'official',
    role: 'processing_officer',
    agency: '000.00.16.H57',
    official: { code: 'DEMOTK0003', dateOfBirth: '1988-11-02', gender: 'nam', rank: 'Chuyên viên' },
  },
  {
    username: 'lanhdao',
    displayName: 'Lê Quang Dũng',
    kind: 'official',
    role: 'leader',
    agency: '000.00.16.H57',
    official: { code: 'DEMOTK0004', dateOfBirth: '1975-06-09', gender: 'nam', rank: 'Chuyên viên chính', leadershipTitle: 'Phó Giám đốc Sở' },
  },
  {
    username: 'thanhtra',
    displayName: 'Phạm Thu Hà',
    kind: 'official',
    role: 'inspector',
    agency: '000.00.05.H57',
    official: { code: 'DEMOTK0005', dateOfBirth: '1985-04-17', gender: 'nu', rank: 'Thanh tra viên' },
  },
  {
    username: 'noivu',
    displayName: 'Hoàng Minh Tuấn',
    kind: 'official',
    role: 'home_affairs',
    agency: '000.00.14.H57',
    official: { code: 'DEMOTK0006', dateOfBirth: '1983-12-25', gender: 'nam', rank: 'Chuyên viên chính' },
  },
  {
    username: 'kiemtoan',
    displayName: 'Vũ Thị Lan',
    kind: 'official',
    role: 'auditor',
    agency: '000.00.00.H57',
    official: { code: 'DEMOTK0007', dateOfBirth: '1987-01-30', gender: 'nu', rank: 'Chuyên viên' },
  },
  // National roles, at the Ministry of Home Affairs (reference data, seeded everywhere).
  {
    username: 'quantriquocgia',
    displayName: 'Đặng Quốc Khánh',
    kind: 'official',
    role: 'admin',
    agency: '000.00.00.G09',
    official: { code: 'DEMOTK0011', dateOfBirth: '1979-09-05', gender: 'nam', rank: 'Chuyên viên chính' },
  },
  {
    username: 'lichquocgia',
    displayName: 'Lý Thị Hạnh',
    kind: 'official',
    role: 'calendar_admin',
    agency: '000.00.00.G09',
    official: { code: 'DEMOTK0012', dateOfBirth: '1986-02-11', gender: 'nu', rank: 'Chuyên viên' },
  },
  ...DEMO_AGENCY_STAFF,
  { username: 'congdan', displayName: 'Đỗ Văn An', kind: 'citizen', role: 'citizen', agency: '000.00.00.H57', phone: '0912345678', idNumber: '008090001234' },
];
