import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { canonicalJson, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { org } from '../org/index.js';
import type { RuleData } from './code.data.js';
import * as repo from './code.repo.js';
import * as policy from './conduct.policy.js';
import { presentCampaign, presentRuleSet } from './conduct.presenter.js';
import { vnToday } from '../../../shared/vn-time.js';
import * as officials from './officials.repo.js';

type P = Principal | null;

/** What an official acknowledges: the hash of the canonical text of every rule, in order. */
export const hashRules = (rules: readonly Pick<RuleData, 'chapter' | 'number' | 'text'>[]): string =>
  sha256(canonicalJson(rules.map((r) => ({ chapter: r.chapter, number: r.number, text: r.text.normalize('NFC') }))));

export async function listRuleSets(ctx: AppContext, p: P) {
  const principal = policy.requireStaff(p);
  const agencyIds = [...new Set(principal.grants.flatMap((g) => g.agencyIds))];
  return { items: (await repo.listRuleSets(ctx.db, agencyIds)).map(presentRuleSet) };
}

export async function getRuleSet(ctx: AppContext, p: P, id: string) {
  const principal = policy.requireStaff(p);
  const set = await repo.findRuleSet(ctx.db, id);
  const reach = new Set(principal.grants.flatMap((g) => g.agencyIds));
  if (!set || (set.agencyId && !reach.has(set.agencyId))) throw AppError.notFound('Bộ quy tắc');
  const rules = await repo.rulesOf(ctx.db, id);
  const all = await repo.listRuleSets(ctx.db, set.agencyId ? [set.agencyId] : []);
  const summary = all.find((s) => s.id === id)!;
  return {
    ...presentRuleSet(summary),
    rules: rules.map((r) => ({
      id: r.id,
      chapter: r.chapter,
      chapterTitle: r.chapterTitle,
      number: r.number,
      text: r.text,
      checklistItem: r.checklistItem,
      isConfirmed: r.isConfirmed,
    })),
  };
}

/** A new rule set, or a new version of an agency's code: versions are never edited, only added. */
export async function createRuleSet(
  ctx: AppContext,
  p: P,
  body: { code: string; agencyCode: string; title: string; legalReference: string; effectiveFrom: string; isSample?: boolean; rules: RuleData[] },
) {
  const target = await org.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  const principal = policy.requireIn(p, target.id, policy.MANAGE, 'Cơ quan');
  const rules = body.rules.map((r) => ({ ...r, text: r.text.normalize('NFC').trim() }));
  const seen = new Set<string>();
  for (const [i, r] of rules.entries()) {
    const key = `${r.chapter}.${r.number}`;
    if (seen.has(key)) throw AppError.validation(`rules.${i}.number`, `Trùng số quy tắc ${key}.`);
    seen.add(key);
  }
  return ctx.db.transaction(async (tx) => {
    const version = (await repo.latestVersion(tx, body.code)) + 1;
    const existing = version > 1 ? await repo.findRuleSetByCode(tx, body.code, version - 1) : undefined;
    if (existing && existing.agencyId !== target.id) throw AppError.notFound('Bộ quy tắc');
    const row = await repo.insertRuleSet(
      tx,
      {
        code: body.code,
        version,
        title: body.title.normalize('NFC').trim(),
        legalReference: body.legalReference.normalize('NFC'),
        effectiveFrom: body.effectiveFrom,
        agencyId: target.id,
        isSample: body.isSample ?? false,
        textHash: hashRules(rules),
      },
      rules.map((r) => ({
        chapter: r.chapter,
        chapterTitle: r.chapterTitle.normalize('NFC'),
        number: r.number,
        text: r.text,
        checklistItem: r.checklistItem ?? null,
        isConfirmed: r.isConfirmed ?? true,
      })),
    );
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'conduct.rule_set.create',
      entityType: 'rule_set',
      entityId: row.id,
      provinceCode: target.provinceCode,
      data: { code: row.code, version, textHash: row.textHash, rules: rules.length },
    });
    return presentRuleSet({ ...row, agencyCode: target.code, ruleCount: rules.length });
  });
}

// ── Commitments ────────────────────────────────────────────────────────────────────────────────
export async function createCampaign(ctx: AppContext, p: P, body: { agencyCode: string; year: number; title: string; opensOn: string; closesOn: string }) {
  const target = await org.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  const principal = policy.requireIn(p, target.id, policy.MANAGE, 'Cơ quan');
  if (body.closesOn < body.opensOn) throw AppError.validation('closesOn', 'Ngày kết thúc phải sau ngày bắt đầu.');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertCampaign(tx, {
      agencyId: target.id,
      year: body.year,
      title: body.title.normalize('NFC').trim(),
      opensOn: body.opensOn,
      closesOn: body.closesOn,
      createdBy: principal.userId,
    });
    if (!row) throw new AppError('ALREADY_EXISTS', 'Đợt cam kết này đã có.');
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'conduct.commitment_campaign.create',
      entityType: 'commitment_campaign',
      entityId: row.id,
      provinceCode: target.provinceCode,
      data: { year: row.year, title: row.title },
    });
    return presentCampaign(row, target.code);
  });
}

/** Campaigns launched in the caller's scope or above it (a province's campaign reaches its departments). */
export async function listCampaigns(ctx: AppContext, p: P) {
  const { principal, agencyIds } = policy.scopeOf(p, policy.READ);
  const above = new Set(agencyIds);
  for (const g of principal.grants) if (policy.READ.includes(g.role)) for (const a of await org.ancestorIds(ctx.db, g.agencyId)) above.add(a);
  return { items: (await repo.listCampaigns(ctx.db, [...above])).map((r) => presentCampaign(r.c, r.agencyCode)) };
}

/** Completion by unit: officials in each agency of the campaign's subtree who acknowledged every set in force. */
export async function campaignCompletion(ctx: AppContext, p: P, id: string) {
  const found = await repo.findCampaign(ctx.db, id);
  if (!found) throw AppError.notFound('Đợt cam kết');
  const scope = policy.scopeOf(p, policy.READ).agencyIds;
  // the units of the campaign the caller reaches: a department leader sees his own units only
  const agencyIds = (await org.subtreeIds(ctx.db, found.c.agencyId)).filter((a) => scope.includes(a));
  if (!agencyIds.length) throw AppError.notFound('Đợt cam kết');
  const [people, done, agencies] = await Promise.all([
    repo.activeOfficialsIn(ctx.db, agencyIds),
    repo.campaignCommitments(ctx.db, id),
    org.agenciesByIds(ctx.db, agencyIds),
  ]);
  const on = found.c.opensOn > vnToday() ? found.c.opensOn : vnToday();
  const required = new Map<string, Set<string>>();
  for (const a of agencyIds) required.set(a, new Set((await repo.setsInForce(ctx.db, await org.ancestorIds(ctx.db, a), on)).map((s) => s.id)));
  const byOfficial = new Map<string, Set<string>>();
  for (const c of done) byOfficial.set(c.officialId, (byOfficial.get(c.officialId) ?? new Set()).add(c.ruleSetId));
  const units = agencies.map((a) => {
    const staff = people.filter((o) => o.agencyId === a.id);
    const need = required.get(a.id)!;
    const complete = staff.filter((o) => [...need].every((s) => byOfficial.get(o.id)?.has(s))).length;
    return {
      agencyCode: a.code,
      agencyName: a.name,
      officials: staff.length,
      completed: complete,
      percent: staff.length ? Math.round((complete * 1000) / staff.length) / 10 : 0,
    };
  });
  return { campaign: presentCampaign(found.c, found.agencyCode), units: units.sort((x, y) => x.agencyCode.localeCompare(y.agencyCode)) };
}

/** My commitments: each campaign reaching my agency, each rule set in force, acknowledged or not. */
export async function myCommitments(ctx: AppContext, p: P) {
  const principal = policy.requireStaff(p);
  const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
  if (!me) return { official: null, items: [] };
  const chain = await org.ancestorIds(ctx.db, me.agencyId);
  const [campaigns, mine, sets] = await Promise.all([
    repo.campaignsFor(ctx.db, chain),
    repo.commitmentsOf(ctx.db, me.id),
    repo.setsInForce(ctx.db, chain, vnToday()),
  ]);
  const items = campaigns.flatMap(({ c, agencyCode }) =>
    sets.map((s) => {
      const done = mine.find((m) => m.campaignId === c.id && m.ruleSetId === s.id);
      return {
        campaign: presentCampaign(c, agencyCode),
        ruleSetId: s.id,
        ruleSetCode: s.code,
        ruleSetTitle: s.title,
        ruleSetVersion: s.version,
        isSample: s.isSample,
        textHash: s.textHash,
        acknowledgedAt: done ? done.acknowledgedAt.toISOString() : null,
      };
    }),
  );
  return { official: { id: me.id, fullName: me.fullName, agencyCode: me.agencyCode }, items };
}

export async function acknowledge(ctx: AppContext, p: P, body: { campaignId: string; ruleSetId: string; textHash: string }) {
  const principal = policy.requireStaff(p);
  const me = principal.userId ? await officials.findOfficialByUser(ctx.db, principal.userId) : undefined;
  if (!me) throw AppError.rule('NOT_AN_OFFICIAL', 'Tài khoản chưa gắn với hồ sơ cán bộ, công chức.');
  const chain = await org.ancestorIds(ctx.db, me.agencyId);
  const found = await repo.findCampaign(ctx.db, body.campaignId);
  if (!found || !chain.includes(found.c.agencyId)) throw AppError.notFound('Đợt cam kết');
  const set = (await repo.setsInForce(ctx.db, chain, vnToday())).find((s) => s.id === body.ruleSetId);
  if (!set) throw AppError.notFound('Bộ quy tắc');
  if (set.textHash !== body.textHash) throw new AppError('CONFLICT', 'Nội dung bộ quy tắc đã thay đổi; hãy đọc lại phiên bản hiện hành.');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertCommitment(tx, {
      campaignId: found.c.id,
      officialId: me.id,
      ruleSetId: set.id,
      textHash: set.textHash,
      userId: principal.userId,
    });
    if (!row) throw new AppError('ALREADY_EXISTS', 'Bạn đã cam kết bộ quy tắc này trong đợt này.');
    await appendAudit(tx, {
      stream: agencyStream(me.agencyCode),
      actor: actorOf(principal),
      action: 'conduct.commitment.acknowledge',
      entityType: 'commitment',
      entityId: row.id,
      provinceCode: me.provinceCode,
      data: { officialId: me.id, ruleSet: `${set.code}@${set.version}`, textHash: set.textHash },
    });
    return { id: row.id, acknowledgedAt: row.acknowledgedAt.toISOString(), textHash: row.textHash };
  });
}
