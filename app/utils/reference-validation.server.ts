// The forms of the reference data DIFOCA keeps: the macroregion of each region and the names of
// the macroregions, the list of IGEDs, and the thematic lines of practices. Nothing here deletes:
// what is in use is renamed or deactivated.
import { z } from "zod";
import { IGED_TYPES } from "~/utils/iged-types";
import { idFromList, requiredText } from "~/utils/forms.server";

export const MACROREGION_NAME_MAX = 60;
export const IGED_NAME_MAX = 120;
export const THEMATIC_LINE_NAME_MAX = 120;
export const POSITION_MAX = 999;

/** A name: trimmed, runs of spaces collapsed (so "UGEL  Huaraz" and "UGEL Huaraz" are one name). */
function nameField(required: string, max: number) {
  return requiredText({ required, tooLong: `El nombre puede tener hasta ${max} caracteres.` }, max).transform((s) =>
    s.normalize("NFC").replace(/\s+/g, " "),
  );
}

const POSITION_MESSAGE = `Escribe el orden como un número entre 0 y ${POSITION_MAX}.`;
const positionField = z
  .string({ error: POSITION_MESSAGE })
  .trim()
  .regex(/^\d{1,3}$/, { error: POSITION_MESSAGE })
  .transform((s) => Number(s));

const macroregionIdField = idFromList("Elige una macrorregión de la lista.");
const regionIdField = idFromList("Elige la región de la lista.");

/** /admin/regiones: move a region to another macroregion, or rename a macroregion. */
export const regionAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("move-region"), regionId: regionIdField, macroregionId: macroregionIdField }),
    z.object({
      intent: z.literal("rename-macroregion"),
      macroregionId: macroregionIdField,
      name: nameField("Escribe el nombre de la macrorregión.", MACROREGION_NAME_MAX),
    }),
  ],
  { error: "La acción no es válida." },
);

const igedFields = {
  name: nameField("Escribe el nombre de la IGED.", IGED_NAME_MAX),
  type: z.enum(IGED_TYPES, { error: "Elige el tipo de IGED: DRE/GRE, UGEL o gobierno local." }),
  regionId: regionIdField,
};

/** /admin/igeds: add an IGED, or correct one's name, type or region. */
export const igedAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("create"), ...igedFields }),
    z.object({ intent: z.literal("update"), igedId: idFromList("Elige una IGED de la lista."), ...igedFields }),
  ],
  { error: "La acción no es válida." },
);

const lineIdField = idFromList("Elige una línea temática de la lista.");
const lineNameField = nameField("Escribe el nombre de la línea temática.", THEMATIC_LINE_NAME_MAX);

/** /admin/lineas: add a line, rename it or change its order, deactivate or reactivate it. */
export const thematicLineAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      name: lineNameField,
      // Left empty, the new line goes after the last one.
      position: z
        .string({ error: POSITION_MESSAGE })
        .optional()
        .transform((s) => s?.trim() ?? "")
        .refine((s) => s === "" || /^\d{1,3}$/.test(s), { error: POSITION_MESSAGE })
        .transform((s) => (s === "" ? null : Number(s))),
    }),
    z.object({ intent: z.literal("update"), lineId: lineIdField, name: lineNameField, position: positionField }),
    z.object({ intent: z.literal("deactivate"), lineId: lineIdField }),
    z.object({ intent: z.literal("activate"), lineId: lineIdField }),
  ],
  { error: "La acción no es válida." },
);

/** What makes two names the same name: capitals do not count ("UGEL Huaraz" = "ugel huaraz"). */
export function nameKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("es-PE");
}
