// Loads the reference data (macroregions, regions, IGEDs) into an empty database. It never
// touches a database that already has regions, so DIFOCA's later edits are kept.
import { createIgeds } from "~/models/iged.server";
import { countRegions, createMacroregion, createRegion } from "~/models/region.server";
import { slugify } from "~/utils/slug";
import { writeTransaction, type DB } from "../connection";
import { IGEDS } from "./igeds";
import { MACROREGIONS } from "./regions";

export async function loadReferenceData(db: DB): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    if ((await countRegions(trx)) > 0) return false;
    const regionIds = new Map<string, number>();
    for (const macro of MACROREGIONS) {
      const macroregionId = await createMacroregion({ slug: macro.slug, name: macro.name }, trx);
      for (const name of macro.regions) {
        regionIds.set(name, await createRegion({ slug: slugify(name), name, macroregionId }, trx));
      }
    }
    await createIgeds(
      IGEDS.map((iged) => {
        const regionId = regionIds.get(iged.region);
        if (regionId === undefined) throw new Error(`IGED ${iged.name}: región desconocida ${iged.region}`);
        return { name: iged.name, type: iged.type, regionId };
      }),
      trx,
    );
    return true;
  });
}
