import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { org } from '../org/index.js';
import { assertNotSelf } from '../../platform/self-review.js';
import * as policy from './conduct.policy.js';
import { vnToday } from '../../../shared/vn-time.js';
import * as repo from './emulation.repo.js';
import { baseSalaryOn, bonusAmount, TITLE_RULES } from './emulation.rules.js';
import * as officials from './officials.repo.js';

type P = Principal | null;

/** A campaign launched by an agency reaches every agency below it (and null = everyone). */
async function visible(ctx: AppContext, rows: repo.EmulationCampaignRow[], agencyIds: string[]) {
  const out: repo.EmulationCampaignRow[] = [];
  for (const c of rows) if (!c.agencyId || (await org.subtreeIds(ctx.db, c.agencyId)).some((a) => agencyIds.includes(a))) out.push(c);
  return out;
}

const presentCampaign = (c: repo.EmulationCampaignRow) => ({
  id: c.id,
  code: c.code,
  title: c.title,
  fromYear: c.fromYear,
  toYear: c.toYear,
  legalReference: c.legalReference,
  isSample: c.isSample,
  criteria: c.criteria,
});

export async function listCampaigns(ctx: AppContext, p: P) {
  const { agencyIds } = policy.scopeOf(p, policy.READ);
  const rows = await visible(ctx, await repo.listCampaigns(ctx.db, 'all'), agencyIds);
  const base = baseSalaryOn(vnToday());
  return {
    items: rows.map(presentCampaign),
    titles: TITLE_RULES.map((t) => ({
      code: t.code,
      label: t.label,
      scope: t.scope,
      multiple: t.multiple,
      bonus: bonusAmount(t.code, base),
      minGrade: t.minGrade,
      legalReference: t.legalReference,
      isConfirmed: t.isConfirmed,
    })),
    baseSalary: base,
  };
}

async function findCampaign(ctx: AppContext, p: P, id: string) {
  const { principal, agencyIds } = policy.scopeOf(p, policy.READ);
  const c = await repo.findCampaign(ctx.db, id);
  if (!c || !(await visible(ctx, [c], agencyIds)).length) throw AppError.notFound('Phong trào thi đua');
  return { c, principal, agencyIds };
}

/** Scores of a year, totalled per unit and per official, within the caller's scope. */
export async function campaignScores(ctx: AppContext, p: P, id: string, year: number) {
  const { c, agencyIds } = await findCampaign(ctx, p, id);
  const rows = await repo.scoresOf(ctx.db, id, year, agencyIds);
  const group = <K extends string>(key: (r: (typeof rows)[number]) => K | null, label: (r: (typeof rows)[number]) => string) => {
    const m = new Map<string, { key: string; label: string; agencyCode: string; total: number; byCriterion: Record<string, number> }>();
    for (const r of rows) {
      const k = key(r);
      if (!k) continue;
      const e = m.get(k) ?? { key: k, label: label(r), agencyCode: r.agencyCode, total: 0, byCriterion: {} };
      e.byCriterion[r.criterion] = Number(r.points);
      e.total = Math.round((e.total + Number(r.points)) * 100) / 100;
      m.set(k, e);
    }
    return [...m.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  };
  return {
    campaign: presentCampaign(c),
    year,
    units: group(
      (r) => (r.officialId ? null : r.agencyCode),
      (r) => r.agencyName,
    ),
    officials: group(
      (r) => r.officialId,
      (r) => r.officialName ?? '',
    ),
  };
}

export async function recordScore(
  ctx: AppContext,
  p: P,
  id: string,
  body: { agencyCode: string; officialId?: string; year: number; criterion: string; points: number; note?: string },
) {
  const { c } = await findCampaign(ctx, p, id);
  const target = await org.findAgencyByCode(ctx.db, body.agencyCode);
  if (!target) throw AppError.validation('agencyCode', `Không có cơ quan mã ${body.agencyCode}.`);
  const principal = policy.requireIn(p, target.id, policy.MANAGE, 'Cơ quan');
  const criterion = c.criteria.find((x) => x.code === body.criterion);
  if (!criterion) throw AppError.validation('criterion', 'Tiêu chí không thuộc phong trào.');
  if (body.points > criterion.maxPoints) throw AppError.validation('points', `Tối đa ${criterion.maxPoints} điểm.`);
  if (body.year < c.fromYear || body.year > c.toYear) throw AppError.validation('year', `Phong trào diễn ra ${c.fromYear}–${c.toYear}.`);
  if (body.officialId) {
    const o = await officials.findOfficial(ctx.db, body.officialId);
    if (!o || !(await org.subtreeIds(ctx.db, target.id)).includes(o.agencyId)) throw AppError.validation('officialId', 'Cán bộ không thuộc cơ quan.');
    assertNotSelf(principal, { officialUserId: o.userId }); // nobody scores himself
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.putScore(tx, {
      campaignId: id,
      year: body.year,
      agencyId: target.id,
      officialId: body.officialId ?? null,
      criterion: body.criterion,
      points: String(body.points),
      note: body.note ?? null,
      scoredBy: principal.userId,
    });
    await appendAudit(tx, {
      stream: agencyStream(target.code),
      actor: actorOf(principal),
      action: 'conduct.emulation.score',
      entityType: 'emulation_score',
      entityId: row.id,
      provinceCode: target.provinceCode,
      data: { campaign: c.code, year: body.year, officialId: body.officialId ?? null, criterion: body.criterion, points: body.points },
    });
    return { id: row.id, points: Number(row.points) };
  });
}
