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
import * as history from './workforce.history.repo.js';
import { vnToday } from '../../../shared/vn-time.js';
import { org } from '../org/index.js';
import { importOfficials } from './workforce.import-run.js';
import * as repo from './workforce.repo.js';
import { joinName, vietnameseSortKey } from './workforce.rules.js';

const DEMO_COUNT = 200;
const ROOT_CODE = '000.00.00.H57';

export async function seedDemoWorkforce(db: Db): Promise<void> {
  const agencies = await db
    .select({ id: agency.id, code: agency.code, parentId: agency.parentId })
    .from(agency)
    .where(eq(agency.isDemo, true))
    .orderBy(agency.code);
  const root = agencies.find((a) => a.code === ROOT_CODE);
  if (!root) return;
  // The Department of Home Affairs keeps the province's register: its demo officer works at province level.
  const [noivu] = await db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.username, 'noivu'));
  if (noivu) await db.insert(roleAssignment).values({ userId: noivu.id, role: 'home_affairs', agencyId: root.id }).onConflictDoNothing();

  const [loaded] = await db
    .select({ id: official.id })
    .from(official)
    .where(and(eq(official.provinceCode, '08'), eq(official.code, 'DEMO000001')));
  if (loaded) return;
  const units = await db.select({ agencyId: orgUnit.agencyId, name: orgUnit.name }).from(orgUnit);
  const targets = agencies.filter((a) => a.parentId).map((a) => ({ code: a.code, units: units.filter((u) => u.agencyId === a.id).map((u) => u.name) }));
  const rows = generateOfficialRows(DEMO_COUNT, { seed: 57, agencies: targets, codePrefix: 'DEMO' });
  await importOfficials(db, { fileName: 'demo.csv', data: Buffer.from(rowsToCsv(rows)), dryRun: false, scope: null, actor: systemActor });

  // Quotas: around the filled count, some positions short, some over.
  await db.execute(sql`update job_position p set quota = greatest(0, (select count(*) from official o where o.position_id = p.id)::int + (abs(hashtext(p.name || p.agency_id::text)) % 4) - 1)
    where p.quota is null and p.agency_id in (select id from agency where is_demo)`);

  const demo = await db
    .select({ id: official.id, agencyId: official.agencyId, code: official.code })
    .from(official)
    .where(sql`${official.code} like 'DEMO%'`)
    .orderBy(official.code)
    .limit(12);
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
    {
      officialId: demo[9].id,
      agencyId: demo[9].agencyId,
      ruleSet: 'nd-154-2025',
      groupCode: 'G1',
      reason: 'Dôi dư sau sáp nhập hai tỉnh Tuyên Quang và Hà Giang; không bố trí được vị trí phù hợp.',
    },
    {
      officialId: demo[10].id,
      agencyId: demo[10].agencyId,
      ruleSet: 'nd-154-2025',
      groupCode: 'G3',
      reason: 'Chưa đạt chuẩn trình độ đào tạo của vị trí việc làm; đã được cử đi đào tạo nhưng chưa hoàn thành.',
    },
    {
      officialId: demo[11].id,
      agencyId: demo[11].agencyId,
      ruleSet: 'nd-154-2025',
      groupCode: 'G2',
      reason: 'Dôi dư khi cơ cấu lại vị trí việc làm.',
      deferralCode: 'D1',
      status: 'deferred',
    },
  ]);
}

export interface DemoAccountOfficial {
  username: string;
  agencyCode: string;
  code: string;
  dateOfBirth: string;
  gender: 'nam' | 'nu';
  rank: string;
  leadershipTitle?: string;
}

/**
 * Each demo member of staff gets his own record in the register, named as his account (family
 * name first, given name last), in the agency of his role, linked to the account; with its
 * assignment, history and statistics like any record. Idempotent: an account already linked to an
 * active record is left alone.
 */
export async function seedDemoAccountOfficials(db: Db, accounts: readonly DemoAccountOfficial[]): Promise<void> {
  const today = vnToday();
  await db.transaction(async (tx) => {
    for (const a of accounts) {
      const user = await repo.findAccountByUsername(tx, a.username);
      const ag = await org.findAgencyByCode(tx, a.agencyCode);
      if (!user || !ag || (await repo.findActiveOfficialOfUser(tx, user.id))) continue;
      const words = user.displayName.normalize('NFC').trim().split(/\s+/);
      const name = { familyName: words[0], middleName: words.slice(1, -1).join(' '), givenName: words.length > 1 ? words[words.length - 1] : '' };
      const [w] = await repo.upsertOfficials(
        tx,
        [
          {
            code: a.code,
            provinceCode: ag.provinceCode,
            agencyId: ag.id,
            ...name,
            fullName: joinName(name),
            sortKey: vietnameseSortKey(name),
            dateOfBirth: a.dateOfBirth,
            gender: a.gender,
            ethnicity: 'Kinh',
            category: 'cong_chuc',
            rank: a.rank,
            isPartyMember: true,
            leadershipTitle: a.leadershipTitle ?? null,
            politicalTheory: 'trung_cap',
            professionalDegree: 'dai_hoc',
            joinedAt: '2012-09-01',
          },
        ],
        [ag.id],
      );
      if (!w) continue;
      await tx.update(official).set({ userId: user.id }).where(eq(official.id, w.id));
      await repo.syncAssignments(tx, [w.id], today);
      await history.syncHistory(tx, [w.id], today);
      await history.refreshStats(tx, [ag.id]);
    }
  });
}
