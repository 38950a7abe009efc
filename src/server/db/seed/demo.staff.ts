/**
 * The processing officer and the leader of every demo agency that owns procedures besides the
 * Department of Justice (whose `chuyenvien` and `lanhdao` are in demo.ts): without them, dossiers of
 * those agencies' procedures (the communes' civil-status procedures above all) would sit unassigned
 * and go late. Each has his own record in the register (same full name), like the other demo staff.
 * Every person is fictional.
 */
import type { DemoAccount } from './demo.js';

const staff = (
  username: string,
  displayName: string,
  role: 'processing_officer' | 'leader',
  agency: string,
  code: string,
  dateOfBirth: string,
  gender: 'nam' | 'nu',
  rank: string,
  leadershipTitle?: string,
): DemoAccount => ({
  username,
  displayName,
  kind: 'official',
  role,
  agency,
  official: { code, dateOfBirth, gender, rank, ...(leadershipTitle ? { leadershipTitle } : {}) },
});

export const DEMO_AGENCY_STAFF: readonly DemoAccount[] = [
  // Sở Xây dựng
  staff('chuyenvien.xaydung', 'Bùi Thanh Sơn', 'processing_officer', '000.00.11.H57', 'DEMOTK0021', '1990-05-12', 'nam', 'Chuyên viên'),
  staff('lanhdao.xaydung', 'Trịnh Thị Ngọc', 'leader', '000.00.11.H57', 'DEMOTK0022', '1977-10-03', 'nu', 'Chuyên viên chính', 'Phó Giám đốc Sở'),
  // Sở Nông nghiệp và Môi trường
  staff('chuyenvien.nnmt', 'Mai Thị Thảo', 'processing_officer', '000.00.22.H57', 'DEMOTK0023', '1991-07-19', 'nu', 'Chuyên viên'),
  staff('lanhdao.nnmt', 'Phan Văn Hùng', 'leader', '000.00.22.H57', 'DEMOTK0024', '1974-02-27', 'nam', 'Chuyên viên chính', 'Phó Giám đốc Sở'),
  // Sở Nội vụ (its `noivu` account keeps the register; these two handle the department's procedures)
  staff('chuyenvien.noivu', 'Cao Thị Yến', 'processing_officer', '000.00.14.H57', 'DEMOTK0025', '1989-09-08', 'nu', 'Chuyên viên'),
  staff('lanhdao.noivu', 'Tạ Đức Thắng', 'leader', '000.00.14.H57', 'DEMOTK0026', '1976-04-15', 'nam', 'Chuyên viên chính', 'Phó Giám đốc Sở'),
  // Ủy ban nhân dân phường Hà Giang 1
  staff('congchuc.hagiang1', 'La Thị Huyền', 'processing_officer', '000.01.20.H57', 'DEMOTK0027', '1993-03-22', 'nu', 'Chuyên viên'),
  staff(
    'lanhdao.hagiang1',
    'Nông Văn Quý',
    'leader',
    '000.01.20.H57',
    'DEMOTK0028',
    '1980-12-01',
    'nam',
    'Chuyên viên chính',
    'Phó Chủ tịch Ủy ban nhân dân phường',
  ),
  // Ủy ban nhân dân xã Đồng Văn
  staff('congchuc.dongvan', 'Sùng Thị Dung', 'processing_officer', '000.02.20.H57', 'DEMOTK0029', '1994-06-30', 'nu', 'Chuyên viên'),
  staff('lanhdao.dongvan', 'Vàng Mí Sính', 'leader', '000.02.20.H57', 'DEMOTK0030', '1982-08-17', 'nam', 'Chuyên viên', 'Phó Chủ tịch Ủy ban nhân dân xã'),
];
