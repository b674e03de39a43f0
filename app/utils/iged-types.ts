// IGED types as people read them; shared by server and browser code.
import type { IgedType } from "../../db/schema";

export const IGED_TYPES: readonly IgedType[] = ["dre", "ugel", "gobierno_local"];
export const IGED_TYPE_LABELS: Record<IgedType, string> = {
  dre: "DRE/GRE",
  ugel: "UGEL",
  gobierno_local: "Gobierno local",
};
