// A consistent copy of the live database, taken while the platform serves and writes:
//   npm run backup                          → backups/cop-AAAA-MM-DD_HHMMSS.db (hora de Lima)
//   npm run backup -- --out /ruta/copia.db
// The copy is checked (PRAGMA integrity_check) before it gets its final name, so a file with that
// name is always a whole, verified copy. Prints where it is, its size and the rows of the main tables.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { backupDatabase, databasePath, inspectDatabaseFile, type DatabaseFileReport } from "./connection";

/** "2026-11-22_143005": the Lima date and time, safe in a file name and sorted by time. */
export function limaTimestamp(at = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Lima",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}_${parts.hour}${parts.minute}${parts.second}`;
}

/** Flushes a file to disk, so a copy that was reported as made survives a power loss. */
export function syncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString("es-PE", { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString("es-PE", { maximumFractionDigits: 1 })} MB`;
}

export function describeCounts(counts: DatabaseFileReport["counts"]): string[] {
  const width = Math.max(...Object.keys(counts).map((t) => t.length));
  return Object.entries(counts).map(([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString("es-PE")}`);
}

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  report: DatabaseFileReport;
}

/** Copies the database at `source` to `out` (default: backups/<name>-<Lima timestamp>.db) and checks the copy. */
export function makeBackup(options: { source?: string; out?: string } = {}): BackupResult {
  const source = path.resolve(options.source ?? databasePath());
  if (!existsSync(source)) throw new BackupError(`No existe la base de datos ${source}. Revisa DATABASE_PATH.`);
  const name = path.basename(source).replace(/\.[^.]*$/, "");
  const file = path.resolve(options.out ?? path.join("backups", `${name}-${limaTimestamp()}.db`));
  if (file === source) throw new BackupError("La copia no puede escribirse sobre la misma base de datos.");
  if (existsSync(file)) throw new BackupError(`Ya existe ${file}; elige otro nombre con --out.`);
  mkdirSync(path.dirname(file), { recursive: true });

  const partial = `${file}.parcial`;
  rmSync(partial, { force: true });
  try {
    backupDatabase(source, partial);
    const report = inspectDatabaseFile(partial);
    if (report.integrity.join() !== "ok") {
      throw new BackupError(`La copia no pasó la verificación de integridad: ${report.integrity.slice(0, 5).join("; ")}`);
    }
    syncFile(partial);
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, report };
  } finally {
    rmSync(partial, { force: true });
  }
}

function parseArguments(argv: string[]): { out?: string } {
  const options: { out?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === "--out" && next) {
      options.out = next;
      i += 1;
    } else if (arg.startsWith("--out=")) {
      options.out = arg.slice("--out=".length);
    } else {
      throw new BackupError(`No entiendo «${arg}». Uso: npm run backup [-- --out RUTA.db]`);
    }
  }
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const started = Date.now();
    const { file, bytes, report } = makeBackup(parseArguments(process.argv.slice(2)));
    console.log(`Copia de seguridad lista: ${file}`);
    console.log(`Tamaño: ${formatBytes(bytes)}. Integridad: ok. Tardó ${((Date.now() - started) / 1000).toLocaleString("es-PE", { maximumFractionDigits: 1 })} s.`);
    console.log(`Migraciones incluidas: ${report.migrations?.length ?? 0}. Filas de las tablas principales:`);
    for (const line of describeCounts(report.counts)) console.log(line);
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `No se pudo hacer la copia de seguridad: ${String(error)}`);
    process.exit(1);
  }
}
