// Checks that every member's stored points (all time and per year) equal the sum of their ledger:
//   npm run points:check
// Prints the differences, if any, and then exits with status 1.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkLedgerTotals, type TotalsDifference } from "~/models/points.server";
import { closeDb } from "~/utils/db.server";
import { databasePath } from "./connection";
import { prepareDatabase } from "./migrate";

export function describeDifference(d: TotalsDifference): string {
  const who = d.name ? `${d.name} (n.º ${d.userId})` : `Miembro n.º ${d.userId}`;
  const which = d.year === null ? "total" : `año ${d.year}`;
  return `${who}, ${which}: el libro suma ${d.ledger.toLocaleString("es-PE")} y el total guardado es ${d.stored.toLocaleString("es-PE")}.`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  (async () => {
    await prepareDatabase();
    const { members, differences } = await checkLedgerTotals();
    await closeDb();
    if (differences.length === 0) {
      console.log(`Los totales coinciden con el libro de puntos (${members.toLocaleString("es-PE")} miembros).`);
    } else {
      console.error(`Hay ${differences.length} ${differences.length === 1 ? "diferencia" : "diferencias"} entre los totales y el libro de puntos:`);
      for (const d of differences) console.error(`  ${describeDifference(d)}`);
      console.error(`Base de datos: ${databasePath()}`);
      process.exitCode = 1;
    }
  })().catch((error) => {
    console.error("No se pudo revisar el libro de puntos:", error);
    process.exit(1);
  });
}
