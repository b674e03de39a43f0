// Applies pending migrations (and, on an empty database, the reference data of regions and
// IGEDs). `npm run db:migrate` runs it; `npm start` and the tests call migrateToLatest().
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Migrator, type Migration, type MigrationProvider } from "kysely";
import { createDatabase, createMigrationDatabase, databasePath } from "./connection";
import { ensureSearchIndex } from "~/utils/search.server";
import { loadReferenceData } from "./reference";

const migrationFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Kysely's FileMigrationProvider, but importing from this module, so that whichever loader runs
 * the project's TypeScript (tsx, Vitest, Playwright) also loads the migrations.
 */
class MigrationFolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationFolder)).filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.endsWith(".d.ts")).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.[^.]+$/, "")] = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Migration;
    }
    return migrations;
  }
}

export async function migrateToLatest(file = databasePath()): Promise<string[]> {
  const db = createMigrationDatabase(file);
  try {
    const migrator = new Migrator({
      db,
      provider: new MigrationFolderProvider(),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    const failed = (results ?? []).find((r) => r.status === "Error");
    if (failed) throw new Error(`Migration ${failed.migrationName} failed`);
    return applied;
  } finally {
    await db.destroy();
  }
}

export async function prepareDatabase(file = databasePath()): Promise<{ applied: string[]; referenceLoaded: boolean }> {
  const applied = await migrateToLatest(file);
  const db = createDatabase(file);
  try {
    const referenceLoaded = await loadReferenceData(db);
    await ensureSearchIndex(db);
    return { applied, referenceLoaded };
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = databasePath();
  prepareDatabase(file)
    .then(({ applied, referenceLoaded }) => {
      console.log(
        applied.length ? `Migraciones aplicadas: ${applied.join(", ")}` : "La base de datos ya estaba al día.",
      );
      if (referenceLoaded) console.log("Se cargaron las regiones, macrorregiones e IGED de referencia.");
      console.log(`Base de datos: ${file}`);
    })
    .catch((error) => {
      console.error("No se pudo migrar la base de datos:", error);
      process.exit(1);
    });
}
