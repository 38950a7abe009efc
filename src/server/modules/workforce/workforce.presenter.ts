import type { CandidateRow, ImportJobRow, OfficialListRow } from './workforce.repo.js';
import { maskTail, STREAMLINING_RULES } from './workforce.rules.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A list row: no personal identifiers at all. */
export const presentOfficialItem = (r: OfficialListRow) => ({
  id: r.id,
  code: r.code,
  fullName: r.fullName,
  familyName: r.familyName,
  middleName: r.middleName,
  givenName: r.givenName,
  gender: r.gender,
  category: r.category,
  agencyCode: r.agencyCode,
  agencyName: r.agencyName,
  orgUnitName: r.orgUnitName,
  positionName: r.positionName,
  rank: r.rank,
  leadershipTitle: r.leadershipTitle,
  politicalTheory: r.politicalTheory,
  status: r.status,
});

/** The full record; identifiers masked unless `canSeeIdentifiers`. */
export const presentOfficial = (
  r: OfficialListRow,
  canSeeIdentifiers: boolean,
  extra: {
    assignments: {
      id: string;
      agencyCode: string;
      agencyName: string;
      orgUnitName: string | null;
      positionName: string | null;
      validFrom: string;
      validTo: string | null;
      note: string | null;
    }[];
    training: {
      id: string;
      kind: string;
      title: string;
      institution: string | null;
      fromDate: string | null;
      toDate: string | null;
      certificate: string | null;
    }[];
    /** The user account linked to the record (who he is when he signs in), or null. */
    account: { username: string; displayName: string } | null;
  },
) => ({
  ...presentOfficialItem(r),
  ethnicity: r.ethnicity,
  isPartyMember: r.isPartyMember,
  professionalDegree: r.professionalDegree,
  professionalField: r.professionalField,
  stateManagement: r.stateManagement,
  itLevel: r.itLevel,
  foreignLanguage: r.foreignLanguage,
  email: r.email,
  joinedAt: r.joinedAt,
  leftAt: r.leftAt,
  version: r.version,
  account: extra.account ? { username: extra.account.username, displayName: extra.account.displayName } : null,
  identifiersMasked: !canSeeIdentifiers,
  dateOfBirth: canSeeIdentifiers ? r.dateOfBirth : null,
  birthYear: Number(r.dateOfBirth.slice(0, 4)),
  idNumber: canSeeIdentifiers ? r.idNumber : maskTail(r.idNumber),
  phone: canSeeIdentifiers ? r.phone : maskTail(r.phone),
  assignments: extra.assignments.map((a) => ({ ...a })),
  training: extra.training.map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    institution: t.institution,
    fromDate: t.fromDate,
    toDate: t.toDate,
    certificate: t.certificate,
  })),
});

export const presentPosition = (r: {
  id: string;
  agency_code: string;
  agency_name: string;
  org_unit_name: string | null;
  name: string;
  quota: number | null;
  filled: string | number;
  version: number;
}) => {
  const filled = Number(r.filled);
  return {
    id: r.id,
    agencyCode: r.agency_code,
    agencyName: r.agency_name,
    orgUnitName: r.org_unit_name,
    name: r.name,
    quota: r.quota,
    filled,
    vacant: r.quota === null ? null : Math.max(0, r.quota - filled),
    over: r.quota === null ? null : Math.max(0, filled - r.quota),
    version: r.version,
  };
};

export const presentCandidate = (r: { c: CandidateRow; officialCode: string; officialName: string; agencyCode: string }) => ({
  id: r.c.id,
  officialId: r.c.officialId,
  officialCode: r.officialCode,
  officialName: r.officialName,
  agencyCode: r.agencyCode,
  ruleSet: r.c.ruleSet,
  groupCode: r.c.groupCode,
  groupLabel: STREAMLINING_RULES.groups.find((g) => g.code === r.c.groupCode)?.label ?? r.c.groupCode,
  reason: r.c.reason,
  deferralCode: r.c.deferralCode,
  status: r.c.status,
  decisionNote: r.c.decisionNote,
  decidedAt: iso(r.c.decidedAt),
  version: r.c.version,
});

export const presentImportJob = (j: ImportJobRow) => ({
  id: j.id,
  fileName: j.fileName,
  dryRun: j.isDryRun,
  status: j.status,
  total: j.total,
  processed: j.processed,
  imported: j.imported,
  updated: j.updated,
  rejected: j.rejected,
  error: j.error,
  createdAt: j.createdAt.toISOString(),
  finishedAt: iso(j.finishedAt),
});
