/**
 * Demo workforce: ~200 fictional officials across the demo agencies, loaded through the same
 * import path as a real spreadsheet, quotas for their positions, training records and a few
 * streamlining flags. Deterministic (seeded) and idempotent (skipped once loaded).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agency, official, orgUnit, roleAssignment, streamliningCandidate, trainingRecord, userAccount } from '../../db/schema/index.js';
import { systemActor } from '../../platform/principal.js';
import { generateOfficialRows, rowsToCsv } from './workforce.fixtures.js';
import { importOfficials } from './workforce.import-run.js';

const DEMO_COUNT = 200;
const ROOT_CODE = '000.00.00.H57';

export async function seedDemoWorkforce(db: Db): Promise<void> {
  const agencies = await db.select({ id: agency.id, code: agency.code, parentId: agency.parentId }).from(agency).where(eq(agency.isDemo, true)).orderBy(agency.code);
  const root = agencies.find((a) => a.code === ROOT_CODE);
  if (!root) return;
  // The Department of Home Affairs keeps the province's register: its demo officer works at province level.
  const [noivu] = await db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.username, 'noivu'));
  if (noivu) await db.insert(roleAssignment).values({ userId: noivu.id, role: 'home_affairs', agencyId: root.id }).onConflictDoNothing();

  const [loaded] = await db.select({ id: official.id }).from(official).where(and(eq(official.provinceCode, '08'), eq(official.code, 'DEMO000001')));
  if (loaded) return;
  const units = await db.select({ agencyId: orgUnit.agencyId, name: orgUnit.name }).from(orgUnit);
  const targets = agencies.filter((a) => a.parentId).map((a) => ({ code: a.code, units: units.filter((u) => u.agencyId === a.id).map((u) => u.name) }));
  const rows = generateOfficialRows(DEMO_COUNT, { seed: 57, agencies: targets, codePrefix: 'DEMO' });
  await importOfficials(db, { fileName: 'demo.csv', data: Buffer.from(rowsToCsv(rows)), dryRun: false, scope: null, actor: systemActor });

  // Quotas: around the filled count, some positions short, some over.
  await db.execute(sql`update job_position p set quota = greatest(0, (select count(*) from official o where o.position_id = p.id)::int + (abs(hashtext(p.name || p.agency_id::text)) % 4) - 1)
    where p.quota is null and p.agency_id in (select id from agency where is_demo)`);

  const demo = await db.select({ id: official.id, agencyId: official.agencyId, code: official.code }).from(official).where(sql`${official.code} like 'DEMO%'`).orderBy(official.code).limit(12);
  await db.insert(trainingRecord).values(
    demo.slice(0, 8).map((o, i) => ({
      officialId: o.id,
      kind: i % 2 ? 'ly_luan_chinh_tri' : 'quan_ly_nha_nuoc',
      title: i % 2 ? 'Trung cấp lý luận chính trị – hành chính' : 'Bồi dưỡng ngạch chuyên viên chính',
      institution: i % 2 ? 'Trường Chính trị tỉnh Tuyên Quang' : 'Học viện Hành chính Quốc gia',
      fromDate: `202${i % 5}-03-01`,
      toDate: `202${i % 5}-10-30`,
    })),
  );
  await db.insert(streamliningCandidate).values([
    { officialId: demo[9].id, agencyId: demo[9].agencyId, ruleSet: 'nd-154-2025', groupCode: 'G1', reason: 'Dôi dư sau sáp nhập hai tỉnh Tuyên Quang và Hà Giang; không bố trí được vị trí phù hợp.' },
    { officialId: demo[10].id, agencyId: demo[10].agencyId, ruleSet: 'nd-154-2025', groupCode: 'G3', reason: 'Chưa đạt chuẩn trình độ đào tạo của vị trí việc làm; đã được cử đi đào tạo nhưng chưa hoàn thành.' },
    { officialId: demo[11].id, agencyId: demo[11].agencyId, ruleSet: 'nd-154-2025', groupCode: 'G2', reason: 'Dôi dư khi cơ cấu lại vị trí việc làm.', deferralCode: 'D1', status: 'deferred' },
  ]);
}
