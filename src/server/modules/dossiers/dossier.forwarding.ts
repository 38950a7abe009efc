/**
 * Forwarding follows the procedure: a dossier goes only to the agencies that take part in its
 * procedure, as the procedure's steps name them (a step handled by `other` names its agency: the
 * coordinating agencies, cơ quan phối hợp), and back to its competent agency (cơ quan chủ trì).
 */
import type { CatalogProcedure } from '../procedures/index.js';

export interface ForwardTarget {
  agencyId: string;
  /** `competent`: back to the agency that owns the dossier; `coordinating`: for its part. */
  role: 'competent' | 'coordinating';
  /** The procedure's step that names the agency (null for the competent agency). */
  stepName: string | null;
}

/** The agencies the dossier may be forwarded to now: every participant but the one holding it. */
export function forwardTargets(proc: Pick<CatalogProcedure, 'steps'>, d: { competentAgencyId: string; currentAgencyId: string }): ForwardTarget[] {
  const targets: ForwardTarget[] = [{ agencyId: d.competentAgencyId, role: 'competent', stepName: null }];
  for (const s of proc.steps) {
    if (s.handlingAgencyKind !== 'other' || !s.agencyId || targets.some((t) => t.agencyId === s.agencyId)) continue;
    targets.push({ agencyId: s.agencyId, role: 'coordinating', stepName: s.name });
  }
  return targets.filter((t) => t.agencyId !== d.currentAgencyId);
}
