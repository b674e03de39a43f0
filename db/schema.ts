// The database as the code sees it. Columns are snake_case in SQL and camelCase here
// (Kysely's CamelCasePlugin translates). Timestamps are ISO-8601 strings in UTC.
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type Role = "gestor" | "experto" | "difoca";
export type IgedType = "dre" | "ugel" | "gobierno_local";
export type PracticeStatus = "borrador" | "en_revision" | "publicada" | "archivada";
export type Stage = "inicial" | "intermedio" | "avanzado";
export type PracticeEventType =
  | "created"
  | "submitted"
  | "returned"
  | "published"
  | "promotion_requested"
  | "promoted"
  | "promotion_returned"
  | "demoted"
  | "archived"
  | "unarchived";

export interface MacroregionTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface RegionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  macroregionId: number;
}

export interface IgedTable {
  id: Generated<number>;
  name: string;
  type: IgedType;
  regionId: number;
  createdAt: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  igedId: number | null;
  position: string;
  active: number;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
  lastLoginAt: string | null;
  hideFromRanking: Generated<number>;
  /** The TOTP secret, encrypted by app/utils/totp.server.ts; null without MFA. */
  totpSecret: string | null;
  /** The last 30-second time step whose code was accepted: a code is never accepted twice. */
  totpLastStep: number | null;
  mfaEnabledAt: string | null;
}

export interface SessionTable {
  id: string;
  userId: number;
  expiresAt: string;
  createdAt: string;
}

export interface RateLimitTable {
  key: string;
  failures: number;
  blockedUntil: string | null;
  updatedAt: string;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  userId: number;
  codeHash: string;
  createdAt: string;
  usedAt: string | null;
}

export type MfaChallengePurpose = "verify" | "setup" | "enrol";

export interface MfaChallengeTable {
  tokenHash: string;
  userId: number;
  purpose: MfaChallengePurpose;
  pendingSecret: string | null;
  redirectTo: Generated<string>;
  failures: Generated<number>;
  expiresAt: string;
  createdAt: string;
}

/** A one-time link DIFOCA issues so that a member sets a new password (ADR 014). */
export interface PasswordResetTable {
  /** The SHA-256 of the random token in the link; the token itself is never stored. */
  tokenHash: string;
  userId: number;
  issuedBy: number | null;
  reason: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** Set when a newer link for the same member replaced this one. */
  revokedAt: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: number | null;
  details: string;
  createdAt: string;
}

export interface ThematicLineTable {
  id: Generated<number>;
  slug: string;
  name: string;
  active: number;
  position: number;
}

export interface PracticeTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: string;
  thematicLineId: number | null;
  regionId: number;
  leadIgedId: number;
  startYear: number | null;
  vigente: number;
  problem: string;
  strategy: string;
  results: string;
  lessons: string;
  status: PracticeStatus;
  stage: Stage;
  reviewNote: string | null;
  visitCount: Generated<number>;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  stageChangedAt: string | null;
}

export interface PracticeIgedTable {
  practiceId: number;
  igedId: number;
}

export interface PracticeTeamTable {
  practiceId: number;
  userId: number;
  addedAt: string;
}

export interface PracticeContactTable {
  id: Generated<number>;
  practiceId: number;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
  position: number;
}

export interface PracticeEvidenceTable {
  id: Generated<number>;
  practiceId: number;
  kind: "archivo" | "enlace";
  title: string;
  url: string | null;
  fileName: string | null;
  storedName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  uploadedBy: number;
  createdAt: string;
}

export interface PracticeEventTable {
  id: Generated<number>;
  practiceId: number;
  type: PracticeEventType;
  fromStage: Stage | null;
  toStage: Stage | null;
  actorId: number | null;
  note: string;
  createdAt: string;
}

export interface PracticeRevisionTable {
  id: Generated<number>;
  practiceId: number;
  editorId: number;
  /** JSON: { field: { before, after } } */
  changes: string;
  createdAt: string;
}

export interface MaturityCriterionTable {
  id: Generated<number>;
  targetStage: "intermedio" | "avanzado";
  title: string;
  description: string;
  position: number;
  active: number;
  /** 'documented' | 'feedback' when the platform checks it by itself; null when DIFOCA does. */
  checkRule: string | null;
}

export interface PromotionRequestTable {
  id: Generated<number>;
  practiceId: number;
  targetStage: "intermedio" | "avanzado";
  status: "pendiente" | "aprobada" | "devuelta";
  requestedBy: number;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface PromotionRequestItemTable {
  requestId: number;
  criterionId: number;
  note: string;
  evidenceId: number | null;
}

export interface PracticeFeedbackTable {
  id: Generated<number>;
  practiceId: number;
  authorId: number;
  keyAspects: string;
  /** The day the feedback was given (YYYY-MM-DD), which may precede its entry on the platform. */
  givenOn: string;
  /** The event where it was given (a commentator's feedback at an exchange). */
  eventId: Generated<number | null>;
  createdAt: string;
}

export interface FeedbackItemTable {
  id: Generated<number>;
  feedbackId: number;
  kind: "oportunidad" | "recomendacion";
  position: number;
  text: string;
  addressedAt: string | null;
  addressedBy: number | null;
  addressedNote: string | null;
}

export interface PracticeVisitTable {
  practiceId: number;
  visitor: string;
  day: string;
}

export type BadgeLevel = "bronce" | "plata" | "oro";

export interface PointRuleTable {
  action: string;
  label: string;
  points: number;
  dailyCap: number | null;
  active: number;
  position: number;
  updatedAt: string;
}

export interface PointRuleChangeTable {
  id: Generated<number>;
  action: string;
  points: number;
  dailyCap: number | null;
  active: number;
  validFrom: string;
  changedBy: number | null;
}

export interface PointsLedgerTable {
  id: Generated<number>;
  userId: number;
  action: string;
  points: number;
  subjectType: string | null;
  subjectId: number | null;
  uniqueKey: string;
  reversesId: number | null;
  reason: string | null;
  actorId: number | null;
  occurredAt: string;
  /** The year of occurredAt in Lima, for the yearly ranking. */
  year: number;
  createdAt: string;
  /**
   * When the entry appears in the member's history: occurredAt for an award, createdAt for a
   * reversal, a recompute correction or a manual adjustment.
   */
  shownAt: string;
}

export interface MemberPointsTable {
  userId: number;
  total: number;
  updatedAt: string;
  /** The region of the member's IGED, kept beside the points for the ranking by region (migration 0015). */
  regionId: number | null;
}

export interface MemberPointsYearlyTable {
  userId: number;
  year: number;
  points: number;
  /** The region of the member's IGED, kept beside the points for the ranking by region (migration 0015). */
  regionId: number | null;
}

/** A Lima month (1..12) of a year in which a member did something (app/models/activity.server.ts). */
export interface MemberActivityMonthTable {
  userId: number;
  year: number;
  month: number;
}

export interface BadgeTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  criteria: string;
  level: BadgeLevel;
  kind: "automatica" | "manual";
  /** JSON: { type: "action_count", action, threshold } for automatic badges. */
  rule: string | null;
  enabled: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface BadgeAwardTable {
  id: Generated<number>;
  credentialId: string;
  badgeId: number;
  userId: number;
  awardedAt: string;
  awardedBy: number | null;
  reason: string;
  evidenceUrl: string | null;
  revokedAt: string | null;
  revokedBy: number | null;
  revokeReason: string | null;
}

export interface TierTable {
  id: Generated<number>;
  slug: string;
  name: string;
  minPoints: number;
  /** JSON list, e.g. [{ type: "practice_stage_or_transfer", stage: "avanzado" }]. */
  requirements: string;
  description: string;
  position: number;
}

export interface NotificationTable {
  id: Generated<number>;
  userId: number;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export type WallKind = "challenge" | "initiative";
/** Challenges: abierto, en_acompanamiento, resuelto. Initiatives: en_curso, en_acompanamiento, convertida. */
export type WallStatus = "abierto" | "en_acompanamiento" | "resuelto" | "en_curso" | "convertida";

export interface WallPostTable {
  id: Generated<number>;
  kind: WallKind;
  title: string;
  summary: Generated<string>;
  body: string;
  /** JSON list of web addresses. */
  links: Generated<string>;
  thematicLineId: number | null;
  regionId: number;
  igedId: number | null;
  status: WallStatus;
  authorId: number;
  accompaniedBy: number | null;
  accompaniedAt: string | null;
  practiceId: number | null;
  replyCount: Generated<number>;
  reactionCount: Generated<number>;
  lastActivityAt: string;
  hiddenAt: string | null;
  hiddenBy: number | null;
  hiddenReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WallPostTagTable {
  postId: number;
  tag: string;
}

/** How many visible posts a wall has in a region (migration 0016), kept by app/models/wall.server.ts. */
export interface WallPostCountTable {
  kind: WallKind;
  regionId: number;
  visible: number;
}

export interface WallReplyTable {
  id: Generated<number>;
  postId: number;
  authorId: number;
  body: string;
  usefulAt: string | null;
  reactionCount: Generated<number>;
  hiddenAt: string | null;
  hiddenBy: number | null;
  hiddenReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WallPostReactionTable {
  postId: number;
  userId: number;
  createdAt: string;
}

export interface WallReplyReactionTable {
  replyId: number;
  userId: number;
  createdAt: string;
}

export interface WallFollowTable {
  postId: number;
  userId: number;
  createdAt: string;
}

export interface WallReportTable {
  id: Generated<number>;
  postId: number;
  replyId: number | null;
  reporterId: number;
  reason: string;
  details: Generated<string>;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: number | null;
  resolution: "hidden" | "dismissed" | null;
  resolutionNote: string | null;
}

export type AdvisoryType = "personalizada" | "transferencia";
export type AdvisoryModality = "virtual" | "presencial";
export type AdvisoryStatus = "solicitada" | "propuesta" | "confirmada" | "realizada" | "cancelada" | "no_realizada";

export interface AdvisorAvailabilityTable {
  id: Generated<number>;
  advisorId: number;
  kind: "weekly" | "date";
  /** 1 = Monday … 7 = Sunday (weekly rows). */
  weekday: number | null;
  /** YYYY-MM-DD (one-off rows). */
  date: string | null;
  /** HH:MM, wall-clock time of `timeZone`. */
  startTime: string;
  endTime: string;
  sessionMinutes: number;
  timeZone: Generated<string>;
  createdAt: string;
}

export interface AdvisorDayOffTable {
  advisorId: number;
  date: string;
  note: Generated<string>;
}

export interface AdvisoryTable {
  id: Generated<number>;
  type: AdvisoryType;
  practiceId: number;
  requestedBy: number;
  topic: string;
  needs: string;
  modality: AdvisoryModality;
  advisorId: number | null;
  status: AdvisoryStatus;
  /** UTC instants. */
  startsAt: string | null;
  endsAt: string | null;
  timeZone: Generated<string>;
  meetingUrl: string | null;
  place: string | null;
  cancelReason: string | null;
  /** Advisories that belong together (a cooperation in several sessions) share a title. */
  seriesTitle: string | null;
  /** The transfer an advisory about transfer belongs to. */
  transferId: Generated<number | null>;
  createdAt: string;
  updatedAt: string;
}

export interface AdvisoryEventTable {
  id: Generated<number>;
  advisoryId: number;
  type: string;
  actorId: number | null;
  note: Generated<string>;
  startsAt: string | null;
  createdAt: string;
}

export interface AdvisoryAttendeeTable {
  advisoryId: number;
  userId: number;
  attended: number;
}

export interface AdvisoryMinutesTable {
  advisoryId: number;
  summary: string;
  agreements: Generated<string>;
  recordedBy: number;
  recordedAt: string;
  updatedAt: string;
}

export interface AdvisoryCommitmentTable {
  id: Generated<number>;
  advisoryId: number;
  description: string;
  responsibleId: number | null;
  responsibleName: string;
  /** YYYY-MM-DD in Lima. */
  dueDate: string;
  doneAt: string | null;
  doneBy: number | null;
  createdAt: string;
}

export interface CalendarFeedTable {
  userId: number;
  token: string;
  createdAt: string;
}

export type TransferStage = "solicitud" | "acuerdo" | "adaptacion" | "implementacion" | "evaluacion" | "institucionalizada";
export type TransferStatus = "pendiente" | "en_curso" | "suspendida" | "completada" | "rechazada" | "cerrada";

export interface TransferTable {
  id: Generated<number>;
  practiceId: number;
  sourceIgedId: number;
  sourceRegionId: number;
  receivingIgedId: number;
  receivingRegionId: number;
  requestedBy: number;
  reason: string;
  context: string;
  stage: TransferStage;
  status: TransferStatus;
  /** Why it was declined, suspended or closed. */
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** When it was completed, closed or declined; null while it is pending, ongoing or suspended. */
  endedAt: string | null;
}

export interface TransferParticipantTable {
  transferId: number;
  userId: number;
  side: "source" | "receiving";
  addedAt: string;
}

export interface TransferStepTable {
  id: Generated<number>;
  transferId: number;
  type: "requested" | "accepted" | "declined" | "advanced" | "suspended" | "resumed" | "closed" | "note";
  fromStage: TransferStage | null;
  toStage: TransferStage | null;
  note: Generated<string>;
  /** YYYY-MM-DD (Lima). */
  occurredOn: string;
  actorId: number | null;
  createdAt: string;
}

export interface TransferEvidenceTable {
  id: Generated<number>;
  transferId: number;
  stepId: number | null;
  stage: TransferStage;
  kind: "archivo" | "enlace";
  title: string;
  url: string | null;
  fileName: string | null;
  storedName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  uploadedBy: number;
  createdAt: string;
}

export type EventType = "intercambio" | "webinar" | "taller" | "pasantia";
export type EventModality = "presencial" | "virtual" | "mixta";
export type RegistrationStatus = "inscrito" | "en_espera" | "cancelado";

export interface EventTable {
  id: Generated<number>;
  slug: string;
  type: EventType;
  title: string;
  summary: Generated<string>;
  /** Lima days, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  /** HH:MM, Lima. */
  startTime: Generated<string>;
  endTime: Generated<string>;
  macroregionId: number | null;
  hostRegionId: number | null;
  modality: EventModality;
  place: Generated<string>;
  meetingUrl: string | null;
  /** Markdown. */
  agenda: Generated<string>;
  capacity: number | null;
  attendanceCode: string | null;
  status: Generated<string>;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface EventPracticeTable {
  eventId: number;
  practiceId: number;
  commentatorId: number | null;
  position: Generated<number>;
}

export interface EventRegionTable {
  eventId: number;
  regionId: number;
}

export interface EventRegistrationTable {
  id: Generated<number>;
  eventId: number;
  userId: number;
  status: RegistrationStatus;
  attended: Generated<number>;
  attendanceSource: "lista" | "codigo" | null;
  registeredAt: string;
  updatedAt: string;
}

export interface EventTestimonialTable {
  id: Generated<number>;
  eventId: number;
  userId: number;
  text: string;
  hiddenAt: string | null;
  createdAt: string;
}

export interface Database {
  macroregions: MacroregionTable;
  regions: RegionTable;
  igeds: IgedTable;
  users: UserTable;
  sessions: SessionTable;
  rateLimits: RateLimitTable;
  auditLog: AuditLogTable;
  recoveryCodes: RecoveryCodeTable;
  mfaChallenges: MfaChallengeTable;
  passwordResets: PasswordResetTable;
  thematicLines: ThematicLineTable;
  practices: PracticeTable;
  practiceIgeds: PracticeIgedTable;
  practiceTeam: PracticeTeamTable;
  practiceContacts: PracticeContactTable;
  practiceEvidence: PracticeEvidenceTable;
  practiceEvents: PracticeEventTable;
  practiceRevisions: PracticeRevisionTable;
  maturityCriteria: MaturityCriterionTable;
  promotionRequests: PromotionRequestTable;
  promotionRequestItems: PromotionRequestItemTable;
  practiceFeedback: PracticeFeedbackTable;
  feedbackItems: FeedbackItemTable;
  practiceVisits: PracticeVisitTable;
  pointRules: PointRuleTable;
  pointRuleChanges: PointRuleChangeTable;
  pointsLedger: PointsLedgerTable;
  memberPoints: MemberPointsTable;
  memberPointsYearly: MemberPointsYearlyTable;
  memberActivityMonths: MemberActivityMonthTable;
  badges: BadgeTable;
  badgeAwards: BadgeAwardTable;
  tiers: TierTable;
  notifications: NotificationTable;
  wallPosts: WallPostTable;
  wallPostTags: WallPostTagTable;
  wallPostCounts: WallPostCountTable;
  wallReplies: WallReplyTable;
  wallPostReactions: WallPostReactionTable;
  wallReplyReactions: WallReplyReactionTable;
  wallFollows: WallFollowTable;
  wallReports: WallReportTable;
  advisorAvailability: AdvisorAvailabilityTable;
  advisorDaysOff: AdvisorDayOffTable;
  advisories: AdvisoryTable;
  advisoryEvents: AdvisoryEventTable;
  advisoryAttendees: AdvisoryAttendeeTable;
  advisoryMinutes: AdvisoryMinutesTable;
  advisoryCommitments: AdvisoryCommitmentTable;
  calendarFeeds: CalendarFeedTable;
  transfers: TransferTable;
  transferParticipants: TransferParticipantTable;
  transferSteps: TransferStepTable;
  transferEvidence: TransferEvidenceTable;
  events: EventTable;
  eventPractices: EventPracticeTable;
  eventRegions: EventRegionTable;
  eventRegistrations: EventRegistrationTable;
  eventTestimonials: EventTestimonialTable;
}

export type Macroregion = Selectable<MacroregionTable>;
export type Region = Selectable<RegionTable>;
export type Iged = Selectable<IgedTable>;
export type NewIged = Insertable<IgedTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
