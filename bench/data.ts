// `npm run bench:data` builds the benchmark's database with synthetic national-scale data:
//   npm run bench:data                         → bench/.data/bench.db (replaced if it exists)
//   npm run bench:data -- --out /tmp/b.db      (or BENCH_DB=/tmp/b.db)
//   npm run bench:data -- --scale 0.1 --seed 7 (a tenth of the sizes; another deterministic history)
// Every account's password is BENCH_PASSWORD (printed at the end), for the benchmark's sign-ins.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BENCH_PASSWORD, DEFAULT_BENCH_DB, generateBenchData } from "./lib/generate";

function parseArgs(argv: string[]): { out: string; scale: number; seed: number } {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`Falta el valor de ${name}.`);
    return v;
  };
  const scale = Number(value("--scale") ?? "1");
  const seed = Number(value("--seed") ?? "2026");
  if (!(scale > 0 && scale <= 10)) throw new Error("--scale debe ser un número mayor que 0 y hasta 10 (1 = tamaño nacional).");
  if (!Number.isInteger(seed)) throw new Error("--seed debe ser un número entero.");
  return { out: path.resolve(value("--out") ?? process.env.BENCH_DB ?? DEFAULT_BENCH_DB), scale, seed };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  (async () => {
    const { out, scale, seed } = parseArgs(process.argv.slice(2));
    console.log(`Generando datos sintéticos (escala ${scale}, semilla ${seed}) en ${out}`);
    const summary = await generateBenchData({ file: out, scale, seed, log: (line) => console.log(line) });
    console.log("\nFilas por tabla:");
    for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(22)} ${n.toLocaleString("es-PE").padStart(12)}`);
    console.log("\nLibro de puntos por acción (filas escritas en bloque):");
    for (const [action, n] of Object.entries(summary.ledgerByAction)) console.log(`  ${action.padEnd(30)} ${n.toLocaleString("es-PE").padStart(10)}`);
    console.log(
      summary.totalsMatchLedger
        ? "\nPuntos: los totales guardados coinciden con el libro de puntos."
        : `\nPuntos: ${summary.ledgerDifferences} diferencias entre los totales y el libro de puntos.`,
    );
    console.log(`Tamaño del archivo: ${(summary.sizeBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`Tiempo total: ${summary.elapsedSeconds.toFixed(1)} s`);
    console.log("Cuentas de ejemplo:");
    for (const a of summary.accounts) console.log(`  ${a.role.padEnd(8)} ${a.email}`);
    console.log(`BENCH_DB=${summary.file}`);
    console.log(`BENCH_PASSWORD=${BENCH_PASSWORD}`);
    if (!summary.totalsMatchLedger) process.exitCode = 1;
  })().catch((error) => {
    console.error("No se pudieron generar los datos del benchmark:", error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  });
}
