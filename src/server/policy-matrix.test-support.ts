/**
 * The people and records the policy matrix (policy-matrix.test.ts) calls with: "my" agency tree
 * with one user per role (each staff user linked to an official record), a member of every role in
 * a foreign agency of the same province and in a foreign province, an API token, and makers of
 * fresh records of "mine" (a write that cannot be repeated gets a fresh record for each caller).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { calendarOverride, emulationCampaign, notificationOutbox, official } from './db/schema/index.js';
import { vnToday } from '../shared/vn-time.js';
import { isWorkingDay, OFFICE_CULTURE_CAMPAIGN, seedConductReference } from './modules/conduct/index.js';
import { generateOfficialRows, rowsToCsv, vietnameseSortKey } from './modules/workforce/index.js';
import { ROLES, type Role } from './platform/principal.js';
import { type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, type TestAgency, uid } from './test/harness.js';

/** The role of the API token the matrix calls with (tokens cannot be admin). */
export const TOKEN_ROLE: Role = 'leader';

export type Side = 'mine' | 'anonymous' | 'token' | 'foreign agency' | 'foreign province';
type Tree = { root: TestAgency; child: TestAgency };

/** Someone calling the API. */
export interface Who {
  label: string;
  side: Side;
  role: Role | null;
  userId: string | null;
  /** The official record linked to the user (staff of my tree only). */
  officialId: string | null;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** An official of my tree with a signed-in user: the person a record is about. */
export type Person = Who & { officialId: string };

export interface World {
  h: Harness;
  mine: Tree;
  foreignAgency: Tree;
  foreignProvince: Tree;
  as: Record<Role, Who>;
  anonymous: Who;
  token: Who;
  foreign: Record<'agency' | 'province', Record<Role, Who>>;
  /** An official of my tree (a processing officer) whose records the reviewers act on. */
  neutral: Person;
  /**
   * A second leader of my tree, with no official record, who confirms, decides and assesses in
   * fixtures: never the official concerned nor the one who filed (violations are filed by my inspector).
   */
  reviewer: Who;
  /** A Home Affairs officer with no official record who opens the fixtures' cases and flags (never judged, never the filer of a caller's record). */
  hr: Who;
  procedureCode: string;
  procedureDocumentIds: string[];
  onlineDossierCode: string;
  emulationCampaignId: string;
  /** A code of conduct of my child agency. */
  ruleSetId: string;
  commitmentCampaignId: string;
  findingInspectionId: string;
  photoFindingId: string;
  violationId: string;
  caseId: string;
  ratingId: string;
  todayIsWorkingDay: boolean;
}

/** An official record in the register (province of its agency), linked to a user. */
async function makeOfficial(h: Harness, agency: TestAgency, provinceCode: string, userId: string): Promise<string> {
  const name = { familyName: 'Trần', middleName: 'Thị', givenName: `Thử${uid(2)}` };
  const [row] = await h.database.db
    .insert(official)
    .values({
      code: `T${uid(5)}`,
      provinceCode,
      agencyId: agency.id,
      ...name,
      fullName: `${name.familyName} ${name.middleName} ${name.givenName}`,
      sortKey: vietnameseSortKey(name),
      dateOfBirth: '1988-01-01',
      gender: 'nu',
      category: 'cong_chuc',
      userId,
    })
    .returning({ id: official.id });
  return row.id;
}

async function signIn(h: Harness, role: Role | null, tree: Tree, side: Side, label: string, withOfficial = false): Promise<Who> {
  // National roles are held at a national agency (each caller gets one of its own).
  const grantAt = role === 'calendar_admin' ? (await makeNationalAgency(h)).id : tree.root.id;
  const u = await makeUser(h, role, grantAt, role === 'citizen' ? 'citizen' : 'official');
  const client = await login(h, u.username);
  const officialId = withOfficial ? await makeOfficial(h, tree.child, side === 'foreign province' ? '01' : '08', u.id) : null;
  return { label, side, role, userId: u.id, officialId, request: (opts) => client.request(opts) };
}

const trees = (w: World): Record<Side, Tree | undefined> => ({
  mine: w.mine,
  'foreign agency': w.foreignAgency,
  'foreign province': w.foreignProvince,
  anonymous: undefined,
  token: undefined,
});

/** Another session for the same kind of caller (a new user of the same role and side), for sign-out. */
export async function freshSession(w: World, who: Who): Promise<Who> {
  const tree = trees(w)[who.side];
  return tree && who.role ? signIn(w.h, who.role, tree, who.side, `${who.label} (new session)`) : who;
}

/** One user per role, granted on the tree's top-level agency; staff have an official record in its child agency. */
async function everyRole(h: Harness, tree: Tree, side: Side): Promise<Record<Role, Who>> {
  const who = await Promise.all(ROLES.map((r) => signIn(h, r, tree, side, side === 'mine' ? r : `${side} ${r}`, r !== 'citizen')));
  return Object.fromEntries(ROLES.map((r, i) => [r, who[i]])) as Record<Role, Who>;
}

/** A fresh official of my tree with its own signed-in user (a processing officer). */
export async function newPerson(w: World): Promise<Person> {
  const u = await makeUser(w.h, 'processing_officer', w.mine.child.id);
  const client = await login(w.h, u.username);
  const officialId = await makeOfficial(w.h, w.mine.child, '08', u.id);
  return { label: 'official concerned', side: 'mine', role: 'processing_officer', userId: u.id, officialId, request: (opts) => client.request(opts) };
}

/** The caller's own official record if it has one in my tree, else the neutral official. */
export const selfOr = (w: World, who: Who): Person => (who.side === 'mine' && who.officialId ? (who as Person) : w.neutral);

export async function call(who: Who, method: string, url: string, payload?: unknown): Promise<Record<string, unknown> & { id: string; version: number }> {
  const res = await who.request({ method: method as 'POST', url, payload: payload as Record<string, unknown> });
  if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url} as ${who.label}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? ({} as never) : res.json();
}

export const procedurePayload = (agencyCode: string) => ({
  code: `1.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}.M${uid(3)}`,
  name: 'Thủ tục thử ma trận quyền',
  fieldCode: 'HO_TICH',
  agencyCode,
  onlineLevel: 'full',
  timeLimit: { amount: 1, unit: 'working_days' },
  fees: [],
  resultType: 'paper',
  legalBasis: '',
  ruleVersion: '1',
  effectiveFrom: '2025-07-01',
  documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
  steps: [{ code: 'appraise', name: 'Thẩm định', handlingAgency: 'competent', budget: 1 }],
});

export const applicant = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  idNumber: '008190001234',
  phone: '0987654321',
  address: 'Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang',
};

export const intakePayload = (w: World, channel: 'counter' | 'online') => ({
  procedureCode: w.procedureCode,
  channel,
  applicant,
  documents: w.procedureDocumentIds.map((id) => ({ procedureDocumentId: id })),
});

/** A dossier of my tree: received at my desk (counter), or submitted online by my citizen. */
export async function dossier(w: World, channel: 'counter' | 'online' = 'counter'): Promise<string> {
  return (await call(channel === 'counter' ? w.as.counter_officer : w.as.citizen, 'POST', '/api/v1/dossiers', intakePayload(w, channel))).code as string;
}

const attachments = new WeakMap<World, Promise<string>>();
/** The file URL of a document my citizen uploaded online (one dossier per world). */
export function attachmentUrl(w: World): Promise<string> {
  let found = attachments.get(w);
  if (!found) {
    found = (async () => {
      const [first, ...rest] = w.procedureDocumentIds;
      const attachment = { fileName: 'to-khai.pdf', contentBase64: Buffer.from('%PDF-1.7\n% ma tran quyen\n').toString('base64') };
      const body = {
        ...intakePayload(w, 'online'),
        documents: [{ procedureDocumentId: first, attachment }, ...rest.map((id) => ({ procedureDocumentId: id }))],
      };
      const code = (await call(w.as.citizen, 'POST', '/api/v1/dossiers', body)).code as string;
      const docs = (await call(w.as.citizen, 'GET', `/api/v1/dossiers/${code}`)).documents as { id: string; hasFile: boolean }[];
      return `/api/v1/dossiers/${code}/documents/${docs.find((d) => d.hasFile)!.id}/file`;
    })();
    attachments.set(w, found);
  }
  return found;
}

/** A dossier received at my desk and assigned by my leader to the neutral official (processing). */
export async function dossierInProcessing(w: World): Promise<string> {
  const code = await dossier(w, 'counter');
  await call(w.reviewer, 'POST', `/api/v1/dossiers/${code}/actions/assign`, { assignee: w.neutral.userId });
  return code;
}

/** The catalog of my administrator as CSV, to import back (dry run). */
export async function procedureCsv(w: World): Promise<Buffer> {
  const res = await w.as.admin.request({ method: 'GET', url: '/api/v1/procedures/export.csv' });
  if (res.statusCode !== 200) throw new Error(`fixture export: ${res.statusCode} ${res.body}`);
  return res.rawPayload;
}

// ── Conduct records ─────────────────────────────────────────────────────────────────────────────
export const today = (): string => vnToday();

export const ruleSetPayload = (w: World) => ({
  code: `QT_${uid()}`,
  agencyCode: w.mine.child.code,
  title: 'Quy tắc ứng xử',
  legalReference: 'Quyết định 1/QĐ',
  effectiveFrom: '2026-01-01',
  rules: [{ chapter: 1, chapterTitle: 'Chung', number: 1, text: 'Đeo thẻ', checklistItem: 'name_card' }],
});

/** Acknowledging a rule set of my commitment campaign: the caller's own item, else my home affairs' one. */
export async function acknowledgement(w: World, who: Who) {
  const itemOf = async (x: Who) => {
    const res = await x.request({ method: 'GET', url: '/api/v1/conduct/my/commitments' });
    const items = res.statusCode === 200 ? (res.json().items as { campaign: { id: string }; ruleSetId: string; textHash: string }[]) : [];
    return items.find((i) => i.campaign.id === w.commitmentCampaignId);
  };
  const item = (await itemOf(who)) ?? (await itemOf(w.as.home_affairs))!;
  return { campaignId: w.commitmentCampaignId, ruleSetId: item.ruleSetId, textHash: item.textHash };
}

export const violation = (w: World, about: Person) =>
  call(w.as.inspector, 'POST', '/api/v1/conduct/violations', {
    officialId: about.officialId,
    source: 'complaint',
    occurredOn: vnToday(),
    description: `Phản ánh ${uid()}`,
  });

export async function answeredViolation(w: World, about: Person) {
  const v = await violation(w, about);
  return call(about, 'POST', `/api/v1/conduct/violations/${v.id}/answer`, { text: 'Tôi xin giải trình.', version: v.version });
}

export async function confirmedViolation(w: World, about: Person = w.neutral) {
  const v = await answeredViolation(w, about);
  return call(w.reviewer, 'POST', `/api/v1/conduct/violations/${v.id}/confirm`, { version: v.version });
}

export async function disciplineCase(w: World, about: Person = w.neutral) {
  const v = await confirmedViolation(w, about);
  return call(w.hr, 'POST', '/api/v1/conduct/discipline-cases', { violationIds: [v.id], severity: 'it_nghiem_trong' });
}

export async function decidedCase(w: World, about: Person = w.neutral) {
  const c = await disciplineCase(w, about);
  return call(w.reviewer, 'POST', `/api/v1/conduct/discipline-cases/${c.id}/decide`, {
    form: 'khien_trach',
    decisionNumber: `${uid(2)}/QĐ`,
    version: c.version,
  });
}

export async function complainedCase(w: World) {
  const c = await decidedCase(w);
  return call(w.neutral, 'POST', `/api/v1/conduct/discipline-cases/${c.id}/complaint`, { text: 'Tôi khiếu nại.', version: c.version });
}

export async function waitingCase(w: World) {
  const c = await disciplineCase(w);
  return call(w.as.home_affairs, 'POST', `/api/v1/conduct/discipline-cases/${c.id}/wait`, { reason: 'pregnancy_or_child_under_12_months', version: c.version });
}

let ratingYear = 2029;
/** Ratings are one per official and year: each fixture takes a year of its own (2030 onwards, one regime). */
export const nextRatingYear = (): number => (ratingYear += 1);
/** A rating opened by my leader. */
export const rating = (w: World, about: Person) =>
  call(w.reviewer, 'POST', '/api/v1/conduct/ratings', { officialId: about.officialId, year: nextRatingYear() });
export const SCORES = { general: 28, task: 64 };

export async function selfAssessedRating(w: World) {
  const about = await newPerson(w);
  const r = await rating(w, about);
  return call(about, 'POST', `/api/v1/conduct/ratings/${r.id}/self`, { ...SCORES, version: r.version });
}

export async function assessedRating(w: World) {
  const r = await selfAssessedRating(w);
  return call(w.reviewer, 'POST', `/api/v1/conduct/ratings/${r.id}/assess`, { ...SCORES, version: r.version });
}

export const inspection = (w: World) =>
  call(w.as.inspector, 'POST', '/api/v1/conduct/inspections', { agencyCode: w.mine.child.code, kind: 'planned', inspectedAt: new Date().toISOString() });

export async function finding(w: World) {
  const i = await inspection(w);
  return call(w.as.inspector, 'POST', `/api/v1/conduct/inspections/${i.id}/findings`, {
    officialId: w.neutral.officialId,
    checklistItem: 'attire',
    isCompliant: true,
  });
}

/** A multipart body with one file in the field "file". */
export function multipart(fileName: string, content: Buffer, contentType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----matrix${uid()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
export const jpeg = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jfif ${uid()}`)]);

export async function findingWithPhoto(w: World) {
  const f = await finding(w);
  const res = await w.as.inspector.request({ method: 'POST', url: `/api/v1/conduct/findings/${f.id}/photos`, ...multipart('anh.jpg', jpeg(), 'image/jpeg') });
  if (res.statusCode !== 201) throw new Error(`fixture photo: ${res.statusCode} ${res.body}`);
  return f;
}

// ── Workforce records ───────────────────────────────────────────────────────────────────────────
export const officialPayload = (w: World) => ({
  code: `MT${uid()}`,
  familyName: 'Lê',
  middleName: 'Văn',
  givenName: 'Ma Trận',
  dateOfBirth: '1985-06-15',
  gender: 'nam',
  category: 'cong_chuc',
  agencyCode: w.mine.child.code,
});
export const registerOfficial = (w: World) => call(w.as.home_affairs, 'POST', '/api/v1/workforce/officials', officialPayload(w));

export const position = (w: World) =>
  call(w.as.home_affairs, 'POST', '/api/v1/workforce/positions', { agencyCode: w.mine.child.code, name: `Vị trí ${uid()}`, quota: 2 });

export async function candidate(w: World) {
  const o = await registerOfficial(w);
  return call(w.hr, 'POST', '/api/v1/workforce/streamlining', { officialId: o.id, groupCode: 'G1', reason: 'Dôi dư sau sắp xếp' });
}

export const officialsCsv = (w: World): Buffer =>
  Buffer.from(rowsToCsv(generateOfficialRows(1, { agencies: [{ code: w.mine.child.code }], codePrefix: `MT${uid()}` })));

export async function importJob(w: World): Promise<string> {
  const jobId = crypto.randomUUID();
  const res = await w.as.home_affairs.request({
    method: 'POST',
    url: `/api/v1/workforce/officials/import?dryRun=true&jobId=${jobId}`,
    ...multipart('ds.csv', officialsCsv(w), 'text/csv'),
  });
  if (res.statusCode !== 200) throw new Error(`fixture import: ${res.statusCode} ${res.body}`);
  return jobId;
}

// ── Org and calendar records ────────────────────────────────────────────────────────────────────
export async function userWithRole(w: World) {
  const u = await makeUser(w.h, 'processing_officer', w.mine.child.id);
  const detail = await call(w.as.admin, 'POST', `/api/v1/admin/users/${u.id}/roles`, { role: 'leader', agencyCode: w.mine.child.code });
  const grant = (detail.roles as { id: string; role: string }[]).find((r) => r.role === 'leader')!;
  return { userId: u.id, assignmentId: grant.id };
}

export const apiToken = (w: World) =>
  call(w.as.admin, 'POST', '/api/v1/admin/tokens', { name: `Ma trận ${uid()}`, role: 'counter_officer', agencyCode: w.mine.child.code });

/** A free weekday of a far year (overrides are unique per date). */
export function freeDay(): string {
  const d = new Date(Date.UTC(2031 + Math.floor(Math.random() * 69), [5, 6, 9, 10][Math.floor(Math.random() * 4)], 3 + Math.floor(Math.random() * 20)));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
let confirmYear = 2100 - Math.floor(Math.random() * 60);
/** A year to confirm: distinct within a run. */
export const farYear = (): number => (confirmYear = confirmYear <= 2031 ? 2099 : confirmYear - 1);
const OVERRIDE_SOURCE = 'Thử nghiệm ma trận quyền';
export const overridePayload = () => ({ date: freeDay(), kind: 'day_off', name: `Nghỉ ${uid()}`, source: OVERRIDE_SOURCE });
export const override = (w: World) => call(w.as.calendar_admin, 'POST', '/api/v1/calendar/overrides', overridePayload());
/** A local day off of my province (08), added by its administrator. */
export const localDayPayload = () => ({ date: freeDay(), name: `Nghỉ riêng ${uid()}`, source: OVERRIDE_SOURCE });
export const localDayOff = (w: World) => call(w.as.admin, 'POST', '/api/v1/calendar/provinces/08/days-off', localDayPayload());

/** Overrides are unique per date and the PostgreSQL test database is kept: remove the matrix's days off. */
export async function removeOverrides(h: Harness): Promise<void> {
  await h.database.db.delete(calendarOverride).where(eq(calendarOverride.source, OVERRIDE_SOURCE));
}

// ── The world ───────────────────────────────────────────────────────────────────────────────────
export async function makeWorld(h: Harness): Promise<World> {
  await seedConductReference(h.database.db);
  const mine = await makeAgencyTree(h);
  const foreignAgency = await makeAgencyTree(h);
  const foreignProvince = await makeAgencyTree(h, '01');
  const as = await everyRole(h, mine, 'mine');
  const foreign = { agency: await everyRole(h, foreignAgency, 'foreign agency'), province: await everyRole(h, foreignProvince, 'foreign province') };
  const anonymous: Who = { label: 'anonymous', side: 'anonymous', role: null, userId: null, officialId: null, request: (opts) => h.app.inject(opts) };
  const tokenSecret = (await call(as.admin, 'POST', '/api/v1/admin/tokens', { name: 'Ma trận quyền', role: TOKEN_ROLE, agencyCode: mine.root.code }))
    .token as string;
  const token: Who = {
    label: `API token (${TOKEN_ROLE})`,
    side: 'token',
    role: null,
    userId: null,
    officialId: null,
    request: (opts) => h.app.inject({ ...opts, headers: { ...(opts.headers as Record<string, string>), authorization: `Bearer ${tokenSecret}` } }),
  };
  const w = { h, mine, foreignAgency, foreignProvince, as, anonymous, token, foreign } as World;
  w.neutral = await newPerson(w);
  w.neutral.label = 'neutral official';
  w.reviewer = await signIn(h, 'leader', mine, 'mine', 'fixture reviewer');
  w.hr = await signIn(h, 'home_affairs', mine, 'mine', 'fixture Home Affairs');
  const proc = await call(as.admin, 'POST', '/api/v1/procedures', procedurePayload(mine.child.code));
  w.procedureCode = proc.code as string;
  w.procedureDocumentIds = (proc.documents as { id: string }[]).map((d) => d.id);
  w.onlineDossierCode = await dossier(w, 'online');
  await call(as.counter_officer, 'POST', `/api/v1/dossiers/${w.onlineDossierCode}/actions/receive`, {});
  const [c] = await h.database.db
    .insert(emulationCampaign)
    .values({ ...OFFICE_CULTURE_CAMPAIGN, code: `TD_${uid()}`, agencyId: mine.root.id })
    .returning();
  w.emulationCampaignId = c.id;
  w.ruleSetId = (await call(as.home_affairs, 'POST', '/api/v1/conduct/rule-sets', ruleSetPayload(w))).id;
  const year = Number(vnToday().slice(0, 4));
  w.commitmentCampaignId = (
    await call(as.home_affairs, 'POST', '/api/v1/conduct/commitment-campaigns', {
      agencyCode: mine.root.code,
      year,
      title: `Cam kết ${uid()}`,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
    })
  ).id;
  w.photoFindingId = (await findingWithPhoto(w)).id;
  w.findingInspectionId = (await inspection(w)).id;
  w.violationId = (await violation(w, w.neutral)).id;
  w.caseId = (await disciplineCase(w)).id;
  w.ratingId = (await rating(w, w.neutral)).id;
  w.todayIsWorkingDay = await isWorkingDay(h.ctx, vnToday(), '08');
  return w;
}

/** A form template on my procedure's first document (uploaded by my administrator), for the remove route. */
export async function procedureTemplate(w: World): Promise<{ code: string; documentId: string }> {
  const documentId = w.procedureDocumentIds[0];
  const path = `/api/v1/procedures/${w.procedureCode}/documents/${documentId}/template`;
  const res = await w.as.admin.request({ method: 'POST', url: path, ...multipart('to-khai.pdf', Buffer.from(`%PDF-1.4 ${uid()}`), 'application/pdf') });
  if (res.statusCode !== 200) throw new Error(`fixture template: ${res.statusCode} ${res.body}`);
  return { code: w.procedureCode, documentId };
}

/** An in-app notification addressed to the caller (a token is nobody: a random id, which answers 404). */
export async function ownNotificationId(w: World, who: Who): Promise<string> {
  if (!who.userId) return crypto.randomUUID();
  const [row] = await w.h.database.db
    .insert(notificationOutbox)
    .values({ channel: 'in_app', recipient: who.userId, recipientUserId: who.userId, subject: 'Thông báo', body: 'Nội dung', status: 'sent' })
    .returning({ id: notificationOutbox.id });
  return row.id;
}
