// Brings back a copy made by `npm run backup`:
//   npm run restore -- backups/cop-2026-11-22_143005.db
// The server must be stopped: while any process has the database open the restore refuses and
// changes nothing. The copy is checked (integrity, migrations this version knows) on a working
// copy beside the database, then swapped in with one rename; the replaced database is kept as
// <db>.antes-de-restaurar-<Lima timestamp>.
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BackupError, describeCounts, formatBytes, limaTimestamp, syncFile } from "./backup";
import { databasePath, inspectDatabaseFile, replaceDatabaseFile, type DatabaseFileReport } from "./connection";

const migrationFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** The migrations this version of the platform has, by name (as Kysely records them). */
export function knownMigrations(): Set<string> {
  return new Set(
    readdirSync(migrationFolder)
      .filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.endsWith(".d.ts"))
      .map((f) => f.replace(/\.[^.]+$/, "")),
  );
}

/** Why a file cannot be restored, in Spanish; null when it can. */
export function refusalOf(report: DatabaseFileReport): string | null {
  if (report.integrity.join() !== "ok") return `La copia está dañada (integrity_check: ${report.integrity.slice(0, 5).join("; ")}).`;
  if (report.migrations === null) return "El archivo no es una base de datos de la plataforma: no tiene la tabla de migraciones.";
  const known = knownMigrations();
  const unknown = report.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    return `La copia viene de una versión más nueva de la plataforma (migraciones desconocidas: ${unknown.join(", ")}). Restáurala con esa versión.`;
  }
  return null;
}

export interface RestoreResult {
  target: string;
  /** Where the replaced database was kept; null when there was none. */
  keptAs: string | null;
  report: DatabaseFileReport;
  /** Migrations of this version the copy does not have yet: `npm start` or `npm run db:migrate` applies them. */
  pending: string[];
}

export function restoreBackup(options: { from: string; target?: string }): RestoreResult {
  const from = path.resolve(options.from);
  const target = path.resolve(options.target ?? databasePath());
  if (!existsSync(from) || !statSync(from).isFile()) throw new BackupError(`No existe la copia ${from}.`);
  if (from === target) throw new BackupError("La copia y la base de datos son el mismo archivo.");

  // Work on a copy beside the database: the backup itself is never opened for writing, and the
  // final rename stays on one file system.
  const stamp = limaTimestamp();
  const working = `${target}.restaurando-${stamp}`;
  try {
    copyFileSync(from, working);
    syncFile(working);
    let report: DatabaseFileReport;
    try {
      report = inspectDatabaseFile(working);
    } catch {
      throw new BackupError(`${from} no es una base de datos SQLite válida o está dañada. No se cambió nada.`);
    }
    const refusal = refusalOf(report);
    if (refusal) throw new BackupError(`${refusal} No se cambió nada.`);

    const keepAs = `${target}.antes-de-restaurar-${stamp}`;
    const swapped = replaceDatabaseFile(target, working, keepAs);
    if (!swapped.ok) {
      throw new BackupError(
        `La base de datos ${target} está en uso (¿el servidor sigue encendido?). Detén el servidor y vuelve a ejecutar la restauración. No se cambió nada.`,
      );
    }
    const known = [...knownMigrations()].sort();
    const pending = known.filter((m) => !report.migrations!.includes(m));
    return { target, keptAs: swapped.keptOld ? keepAs : null, report, pending };
  } finally {
    rmSync(working, { force: true });
  }
}

function parseArguments(argv: string[]): { from: string } {
  const files = argv.filter((a) => !a.startsWith("--"));
  const flags = argv.filter((a) => a.startsWith("--"));
  const [from] = files;
  if (flags.length > 0 || files.length !== 1 || !from) throw new BackupError("Uso: npm run restore -- RUTA_DE_LA_COPIA.db (con el servidor detenido)");
  return { from };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const { from } = parseArguments(process.argv.slice(2));
    const { target, keptAs, report, pending } = restoreBackup({ from });
    console.log(`Se restauró ${path.resolve(from)} en ${target} (${formatBytes(statSync(target).size)}). Integridad: ok.`);
    console.log(keptAs ? `La base de datos anterior quedó guardada en ${keptAs}.` : "No había una base de datos anterior.");
    if (pending.length > 0) {
      const which = pending.length === 1 ? "Falta 1 migración" : `Faltan ${pending.length} migraciones`;
      console.log(`${which} de esta versión (${pending.join(", ")}); se aplicarán con npm start o npm run db:migrate.`);
    }
    console.log("Filas de las tablas principales:");
    for (const line of describeCounts(report.counts)) console.log(line);
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `No se pudo restaurar la copia: ${String(error)}`);
    process.exit(1);
  }
}
