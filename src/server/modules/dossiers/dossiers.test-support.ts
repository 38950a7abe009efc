/** Test fixtures for the dossier tests: a desk, a competent agency, a procedure, and people. */
import { sql } from 'drizzle-orm';
import { procedure, procedureDocument, procedureField, procedureStep } from '../../db/schema/index.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, uid } from '../../test/harness.js';

export interface World {
  desk: { id: string; code: string };
  competent: { id: string; code: string };
  other: { id: string; code: string };
  procedureCode: string;
  feeProcedureCode: string;
  docs: { id: string; name: string; isRequired: boolean }[];
  feeDocs: { id: string; name: string; isRequired: boolean }[];
  foreignDocId: string;
  counter: Client;
  officer: Client;
  officerId: string;
  leader: Client;
  leaderId: string;
  citizen: Client;
  citizenId: string;
  outsider: Client;
}

/** A procedure of `agencyId`; `coordinating`: the agency its inter-agency step names (it takes part in the procedure). */
async function makeProcedure(
  h: Harness,
  agencyId: string,
  fees: number,
  o: { foreign?: boolean; provinceCode: string; coordinating?: string },
): Promise<{ code: string; docs: World['docs'] }> {
  const foreign = o.foreign ?? false;
  const db = h.database.db;
  await db.insert(procedureField).values({ code: 'TEST_FIELD', name: 'Lĩnh vực thử nghiệm' }).onConflictDoNothing();
  const code = `9.${uid(3)}`;
  const [p] = await db
    .insert(procedure)
    .values({
      code,
      provinceCode: o.provinceCode,
      name: foreign ? 'Thủ tục khác' : 'Cấp Phiếu lý lịch tư pháp thử nghiệm',
      fieldCode: 'TEST_FIELD',
      agencyId,
      onlineLevel: 'full',
      limitAmount: '10',
      limitUnit: 'working_days',
      fees: fees ? [{ name: 'Phí thử nghiệm', amount: fees }] : [],
      resultType: 'both',
      ruleVersion: 'test-1',
      effectiveFrom: '2025-07-01',
    })
    .returning({ id: procedure.id });
  const docs = await db
    .insert(procedureDocument)
    .values([
      { procedureId: p.id, position: 1, name: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', isRequired: true },
      { procedureId: p.id, position: 2, name: 'Bản chụp Căn cước công dân', isRequired: true, originals: 0, copies: 1 },
      { procedureId: p.id, position: 3, name: 'Văn bản ủy quyền', isRequired: false },
    ])
    .returning({ id: procedureDocument.id, name: procedureDocument.name, isRequired: procedureDocument.isRequired });
  const steps: [string, string, string, string?][] = [
    ['receive', 'receiving', '0.5'],
    ['assign', 'competent', '0.5'],
    ['appraise', 'competent', o.coordinating ? '5' : '6'],
    ...(o.coordinating ? [['interagency', 'other', '1', o.coordinating] as [string, string, string, string]] : []),
    ['approve', 'competent', '2.5'],
    ['return', 'receiving', '0.5'],
  ];
  await db.insert(procedureStep).values(
    steps.map(([c, k, b, agency], i) => ({
      procedureId: p.id,
      position: i + 1,
      code: c,
      name: c,
      handlingAgencyKind: k,
      agencyId: agency ?? null,
      budget: b,
    })),
  );
  return { code, docs };
}

/** Agencies of one province (default 08): a desk, the competent agency, and `other`, which the procedures' inter-agency step names. */
export async function makeWorld(h: Harness, provinceCode = '08'): Promise<World> {
  const deskTree = await makeAgencyTree(h, provinceCode);
  const competentTree = await makeAgencyTree(h, provinceCode);
  const otherTree = await makeAgencyTree(h, provinceCode);
  const proc = await makeProcedure(h, competentTree.child.id, 0, { provinceCode, coordinating: otherTree.child.id });
  const feeProc = await makeProcedure(h, competentTree.child.id, 50000, { provinceCode, coordinating: otherTree.child.id });
  const foreign = await makeProcedure(h, otherTree.child.id, 0, { foreign: true, provinceCode });
  const officer = await makeUser(h, 'processing_officer', competentTree.child.id);
  const leader = await makeUser(h, 'leader', competentTree.child.id);
  const citizen = await makeUser(h, 'citizen', deskTree.root.id);
  return {
    desk: deskTree.child,
    competent: competentTree.child,
    other: otherTree.child,
    procedureCode: proc.code,
    feeProcedureCode: feeProc.code,
    docs: proc.docs,
    feeDocs: feeProc.docs,
    foreignDocId: foreign.docs[0].id,
    counter: await login(h, (await makeUser(h, 'counter_officer', deskTree.child.id)).username),
    officer: await login(h, officer.username),
    officerId: officer.id,
    leader: await login(h, leader.username),
    leaderId: leader.id,
    citizen: await login(h, citizen.username),
    citizenId: citizen.id,
    outsider: await login(h, (await makeUser(h, 'processing_officer', otherTree.child.id)).username),
  };
}

export const APPLICANT = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  idNumber: '008190001234',
  phone: '0987654321',
  email: 'nhung@example.vn',
  address: 'Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang',
};

export function intakeBody(w: World, o: { channel?: string; docs?: string[]; procedureCode?: string; extra?: Record<string, unknown> } = {}) {
  const list = o.procedureCode === w.feeProcedureCode ? w.feeDocs : w.docs;
  const docs = o.docs ?? list.filter((x) => x.isRequired).map((x) => x.id);
  return {
    procedureCode: o.procedureCode ?? w.procedureCode,
    channel: o.channel ?? 'counter',
    applicant: APPLICANT,
    documents: docs.map((id) => ({ procedureDocumentId: id })),
    ...o.extra,
  };
}

/** Receive at the desk and return the code. */
export async function receive(h: Harness, w: World, procedureCode?: string): Promise<string> {
  const res = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { procedureCode }) });
  if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { code: string }).code;
}

export const act = (c: Client, code: string, action: string, payload: Record<string, unknown> = {}) =>
  c.request({ method: 'POST', url: `/api/v1/dossiers/${code}/actions/${action}`, payload });

/** Move time for a rule test: rewrite a dossier's instants directly (tests only). */
export async function setDossierTimes(h: Harness, code: string, set: { receivedAt?: Date; dueAt?: Date }): Promise<void> {
  if (set.receivedAt) await h.database.rows(sql`update dossier set received_at = ${set.receivedAt.toISOString()}::timestamptz where code = ${code}`);
  if (set.dueAt) await h.database.rows(sql`update dossier set due_at = ${set.dueAt.toISOString()}::timestamptz where code = ${code}`);
}
