// The words of the two walls as people read them: what a post and its replies are called, the
// statuses and the feed's orders. Shared by server and browser code.
import type { WallKind, WallStatus } from "../../db/schema";

export type { WallKind, WallStatus } from "../../db/schema";

export interface WallWords {
  kind: WallKind;
  /** Where the wall lives, e.g. "/desafios". */
  path: string;
  wallName: string;
  /** "desafío", "iniciativa" */
  singular: string;
  plural: string;
  /** "el desafío", "la iniciativa" */
  withArticle: string;
  newLabel: string;
  /** "aporte", "comentario" */
  reply: string;
  replies: string;
  replyAction: string;
  statuses: readonly WallStatus[];
  /** The status of a new post. */
  initialStatus: WallStatus;
}

export const WALLS: Record<WallKind, WallWords> = {
  challenge: {
    kind: "challenge",
    path: "/desafios",
    wallName: "Muro de desafíos",
    singular: "desafío",
    plural: "desafíos",
    withArticle: "el desafío",
    newLabel: "Publicar un desafío",
    reply: "aporte",
    replies: "aportes",
    replyAction: "Publicar aporte",
    statuses: ["abierto", "en_acompanamiento", "resuelto"],
    initialStatus: "abierto",
  },
  initiative: {
    kind: "initiative",
    path: "/iniciativas",
    wallName: "Muro de iniciativas",
    singular: "iniciativa",
    plural: "iniciativas",
    withArticle: "la iniciativa",
    newLabel: "Compartir una iniciativa",
    reply: "comentario",
    replies: "comentarios",
    replyAction: "Publicar comentario",
    statuses: ["en_curso", "en_acompanamiento", "convertida"],
    initialStatus: "en_curso",
  },
};

export const WALL_STATUS_LABELS: Record<WallStatus, string> = {
  abierto: "Abierto",
  en_acompanamiento: "En acompañamiento",
  resuelto: "Resuelto",
  en_curso: "En curso",
  convertida: "Convertida en práctica",
};

/** The statuses a challenge's author may set (an initiative becomes "convertida" only by turning into a practice). */
export const CHALLENGE_STATUSES: readonly WallStatus[] = ["abierto", "en_acompanamiento", "resuelto"];

export const WALL_SORTS = ["recientes", "activos"] as const;
export type WallSort = (typeof WALL_SORTS)[number];
export const WALL_SORT_LABELS: Record<WallSort, string> = { recientes: "Más recientes", activos: "Más activos" };

/** Why a member reports a post or a reply. */
export const REPORT_REASONS = ["ofensivo", "spam", "datos_personales", "falso", "otro"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  ofensivo: "Lenguaje ofensivo o irrespetuoso",
  spam: "Publicidad o contenido ajeno a la comunidad",
  datos_personales: "Expone datos personales de estudiantes o docentes",
  falso: "Información falsa o engañosa",
  otro: "Otro motivo",
};

export const REACTION_LABELS = { reply: "Me sirve", post: "Me interesa" } as const;

export const MAX_TAGS = 8;
