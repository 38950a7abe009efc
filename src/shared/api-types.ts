/**
 * The wire types of API v1, derived from the server's TypeBox schemas: one source of truth for
 * the server's routes and the web app. Every import here is `import type`, so nothing of the
 * server (nor TypeBox itself) reaches the web bundle. The web app declares no copy of these
 * shapes (src/web/wire-types.test.ts fails when it does); a shape the web app needs that is not
 * here gets its schema on the server first.
 */
import type { Static } from 'typebox';
import type * as audit from '../server/modules/audit/audit.schemas.js';
import type * as auth from '../server/modules/auth/auth.schemas.js';
import type * as calendar from '../server/modules/calendar/calendar.schemas.js';
import type * as conduct from '../server/modules/conduct/conduct.schemas.js';
import type * as dossiers from '../server/modules/dossiers/dossiers.schemas.js';
import type * as pickers from '../server/modules/dossiers/pickers.schemas.js';
import type * as meta from '../server/modules/meta/meta.routes.js';
import type * as org from '../server/modules/org/org.schemas.js';
import type * as procedures from '../server/modules/procedures/procedures.schemas.js';
import type * as workforce from '../server/modules/workforce/workforce.schemas.js';

/** A page of a keyset-paginated list (`pageOf` on the server). */
export type Page<T> = Omit<Static<typeof org.AgencyPage>, 'items'> & { items: T[] };
/** The `{ items }` envelope of the unpaginated lists. */
export type Items<T> = { items: T[] };

// ── Auth and meta ──────────────────────────────────────────────────────────────────────────────
export type LoginBody = Static<typeof auth.LoginBody>;
export type SessionUser = Static<typeof auth.SessionUser>;
export type SessionRole = SessionUser['roles'][number];
export type SessionResponse = Static<typeof auth.SessionResponse>;
export type PasswordResetInfo = Static<typeof auth.PasswordResetInfo>;
export type PasswordResetBody = Static<typeof auth.PasswordResetBody>;
export type Meta = Static<typeof meta.MetaResponse>;

// ── Organisation ───────────────────────────────────────────────────────────────────────────────
export type AdminUnit = Static<typeof org.AdminUnit>;
export type CreateAdminUnitBody = Static<typeof org.CreateAdminUnit>;
export type UnitLevel = CreateAdminUnitBody['level'];
export type Agency = Static<typeof org.Agency>;
export type PickedAgency = Static<typeof org.PickedAgencyPage>['items'][number];
export type CreateAgencyBody = Static<typeof org.CreateAgency>;
export type OrgUnit = Static<typeof org.OrgUnit>;
export type CreateOrgUnitBody = Static<typeof org.CreateOrgUnit>;
export type OrgUnitKind = CreateOrgUnitBody['kind'];
export type UserRole = Static<typeof org.UserRole>;
export type User = Static<typeof org.User>;
export type CreateUserBody = Static<typeof org.CreateUser>;
export type AssignRoleBody = Static<typeof org.AssignRole>;
export type UpdateUserBody = Static<typeof org.UpdateUser>;
export type LockUserBody = Static<typeof org.LockUser>;
export type PasswordResetIssued = Static<typeof org.PasswordResetIssued>;
export type ApiTokenItem = Static<typeof org.ApiTokenItem>;
export type ApiTokenCreated = Static<typeof org.ApiTokenCreated>;
export type CreateApiTokenBody = Static<typeof org.CreateApiToken>;

// ── Audit ──────────────────────────────────────────────────────────────────────────────────────
export type AuditStream = Static<typeof audit.Stream>;
export type AuditEvent = Static<typeof audit.EventItem>;
export type AuditEventDetail = Static<typeof audit.EventDetail>;
export type AuditEventsQuery = Static<typeof audit.EventsQuery>;
export type AuditVerifyResult = Static<typeof audit.VerifyResult>;
export type AuditProblem = AuditVerifyResult['problems'][number];

// ── Calendar ───────────────────────────────────────────────────────────────────────────────────
export type LunarDate = Static<typeof calendar.LunarDate>;
export type MonthDay = Static<typeof calendar.MonthDay>;
export type MonthResponse = Static<typeof calendar.MonthResponse>;
export type CalendarDay = Static<typeof calendar.CalendarDay>;
export type DayKind = CalendarDay['kind'];
export type Override = Static<typeof calendar.Override>;
export type CreateOverrideBody = Static<typeof calendar.CreateOverride>;
export type YearDetail = Static<typeof calendar.YearDetail>;
export type ConfirmYearBody = Static<typeof calendar.ConfirmYear>;

// ── Conduct ────────────────────────────────────────────────────────────────────────────────────
export type RuleSet = Static<typeof conduct.RuleSet>;
export type Rule = Static<typeof conduct.Rule>;
export type RuleSetDetail = Static<typeof conduct.RuleSetDetail>;
export type Campaign = Static<typeof conduct.Campaign>;
export type Completion = Static<typeof conduct.Completion>;
export type MyCommitments = Static<typeof conduct.MyCommitments>;
export type OfficialRef = Static<typeof conduct.OfficialRef>;
export type Attendance = Static<typeof conduct.Attendance>;
export type AttendanceImportResult = Static<typeof conduct.ImportResult>;
export type AttendanceReport = Static<typeof conduct.AttendanceReport>;
export type MyAttendance = Static<typeof conduct.MyAttendance>;
export type FindingPhoto = Static<typeof conduct.FindingPhoto>;
export type Finding = Static<typeof conduct.Finding>;
export type Inspection = Static<typeof conduct.Inspection>;
export type Checklist = Static<typeof conduct.Checklist>;
export type Violation = Static<typeof conduct.Violation>;
export type ViolationDetail = Static<typeof conduct.ViolationDetail>;
export type SelfReview = ViolationDetail['selfReview'];
export type ViolationPage = Static<typeof conduct.ViolationPage>;
export type DisciplineCase = Static<typeof conduct.DisciplineCase>;
export type DisciplineCaseDetail = Static<typeof conduct.DisciplineCaseDetail>;
export type Rating = Static<typeof conduct.Rating>;
export type RatingEvidence = Static<typeof conduct.RatingEvidence>;
export type RatingDetail = Static<typeof conduct.RatingDetail>;
export type EmulationList = Static<typeof conduct.EmulationList>;
export type EmulationScores = Static<typeof conduct.EmulationScores>;
export type CreateCampaignBody = Static<typeof conduct.CreateCampaign>;
export type AcknowledgeBody = Static<typeof conduct.Acknowledge>;
export type ImportAttendanceBody = Static<typeof conduct.ImportAttendance>;
export type CreateInspectionBody = Static<typeof conduct.CreateInspection>;
export type CreateFindingBody = Static<typeof conduct.CreateFinding>;
export type AnswerBody = Static<typeof conduct.Answer>;
export type ReviewBody = Static<typeof conduct.Review>;
export type OpenCaseBody = Static<typeof conduct.OpenCase>;
export type DecideBody = Static<typeof conduct.Decide>;
export type ComplaintBody = Static<typeof conduct.Complaint>;
export type OpenRatingBody = Static<typeof conduct.OpenRating>;
export type AssessBody = Static<typeof conduct.Assess>;

// ── Dossiers ───────────────────────────────────────────────────────────────────────────────────
export type IntakeBody = Static<typeof dossiers.IntakeBody>;
export type DossierDocumentInput = Static<typeof dossiers.DocumentInput>;
export type DossierCreated = Static<typeof dossiers.Created>;
export type DossierActionBody = Static<typeof dossiers.ActionBody>;
export type LookupCheckResult = Static<typeof dossiers.LookupCheckResult>;
export type LookupCheckSetting = Static<typeof dossiers.LookupCheckSetting>;
export type LookupCheckBody = Static<typeof dossiers.LookupCheckBody>;
export type DossierActionResult = Static<typeof dossiers.ActionResult>;
export type DossierSummary = Static<typeof dossiers.Summary>;
export type DossierPage = Static<typeof dossiers.SummaryPage>;
export type DossierDetail = Static<typeof dossiers.Detail>;
export type TimelineEvent = DossierDetail['timeline'][number];
export type AccessLog = Static<typeof dossiers.AccessLog>;
export type Desks = Static<typeof dossiers.Desks>;
export type PublicLookupQuery = Static<typeof dossiers.PublicQuery>;
export type PublicDossier = Static<typeof dossiers.PublicDossier>;
export type CitizenRatingBody = Static<typeof dossiers.RatingBody>;
export type CitizenRatingResult = Static<typeof dossiers.RatingResult>;
export type CitizenRatingStats = Static<typeof dossiers.Stats>;
export type DocumentVerifyResult = Static<typeof dossiers.VerifyResult>;
export type IntakeProcedures = Static<typeof pickers.IntakeProcedures>;
export type IntakeProcedure = IntakeProcedures['items'][number];
export type Assignee = Static<typeof pickers.Assignees>['items'][number];

// ── Procedures ─────────────────────────────────────────────────────────────────────────────────
export type { LimitUnit, OnlineLevel } from '../server/modules/procedures/procedures.schemas.js';
export type ProcedureSummary = Static<typeof procedures.ProcedureSummary>;
export type AdminProcedureSummary = Static<typeof procedures.AdminProcedureSummary>;
export type ProcedureDocument = Static<typeof procedures.ProcedureDocument>;
export type ProcedureStep = Static<typeof procedures.ProcedureStep>;
export type ProcedureDetail = Static<typeof procedures.ProcedureDetail>;
export type CreateProcedureBody = Static<typeof procedures.CreateProcedure>;
export type UpdateProcedureBody = Static<typeof procedures.UpdateProcedure>;
export type CatalogOption = Static<typeof procedures.FieldList>['items'][number];
export type ProcedureImportResult = Static<typeof procedures.ImportResult>;

// ── Workforce ──────────────────────────────────────────────────────────────────────────────────
export type OfficialItem = Static<typeof workforce.OfficialItem>;
export type Official = Static<typeof workforce.Official>;
export type CreateOfficialBody = Static<typeof workforce.CreateOfficial>;
export type UpdateOfficialBody = Static<typeof workforce.UpdateOfficial>;
export type OfficialImportResult = Static<typeof workforce.ImportResult>;
export type OfficialImportJob = Static<typeof workforce.ImportJob>;
export type WorkforceStats = Static<typeof workforce.Stats>;
export type Position = Static<typeof workforce.Position>;
export type CandidateList = Static<typeof workforce.CandidateList>;

// ── Citizen portal: pre-fill, the bell, form templates ────────────────────────────────────────
export type MyProfile = Static<typeof auth.MyProfile>;
export type MyNotifications = Static<typeof dossiers.MyNotifications>;
export type MyNotification = MyNotifications['items'][number];
export type UnreadCount = Static<typeof dossiers.UnreadCount>;
export type MarkedRead = Static<typeof dossiers.MarkedRead>;
export type TemplateFile = Static<typeof procedures.TemplateFile>;
