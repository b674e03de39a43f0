// Names of stages, statuses and catalog orders as people read them. Shared by server and browser
// code (route components cannot import *.server modules, which are empty in the browser).
import type { PracticeStatus, Stage } from "../../db/schema";

export const STAGES: readonly Stage[] = ["inicial", "intermedio", "avanzado"];
export const STAGE_LABELS: Record<Stage, string> = { inicial: "Inicial", intermedio: "Intermedio", avanzado: "Avanzado" };
export const STATUS_LABELS: Record<PracticeStatus, string> = {
  borrador: "Borrador",
  en_revision: "En revisión",
  publicada: "Publicada",
  archivada: "Archivada",
};

export const CATALOG_SORTS = ["relevancia", "recientes", "visitas", "titulo", "estadio"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const CATALOG_SORT_LABELS: Record<CatalogSort, string> = {
  relevancia: "Relevancia",
  recientes: "Más recientes",
  visitas: "Más visitadas",
  titulo: "Título (A-Z)",
  estadio: "Estadio más avanzado",
};

/** How many public contacts the edit form offers. */
export const CONTACT_ROWS = 3;
