import type { AuditProblem, ChainResult } from '../../platform/audit.js';
import type { EventRow } from './audit.repo.js';

export const presentEvent = (r: EventRow) => ({
  stream: r.stream,
  seq: Number(r.seq),
  occurredAt: r.occurredAt.toISOString(),
  actor: r.actorLabel,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  hash: r.hash,
});

export const presentEventDetail = (r: EventRow, check: { isHashValid: boolean; isLinkValid: boolean }) => ({
  ...presentEvent(r),
  actorId: r.actorId,
  provinceCode: r.provinceCode,
  prevHash: r.prevHash,
  data: r.data,
  ...check,
});

export const presentStream = (r: { stream: string; seq: number; hash: string; agencyCode: string | null; agencyName: string | null }) => ({
  stream: r.stream,
  agencyCode: r.agencyCode,
  agencyName: r.agencyName,
  events: Number(r.seq),
  headHash: r.hash,
});

export const presentChain = (c: ChainResult, problems: AuditProblem[]) => ({ ...c, ok: !problems.some((p) => p.stream === c.stream) });
