// Loads the demo data into an empty database (`npm start` does it on first start).
// `npm run db:seed` does the same by hand; it never touches a database that has members.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { countActiveMembers, deactivateMember, getMemberByEmail } from "~/models/user.server";
import { closeDb } from "~/utils/db.server";
import { ROLE_LABELS } from "~/utils/roles";
import { createMember } from "../tests/factories/members";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo/accounts";
import { seedAdvisories } from "./demo/seed-advisories";
import { seedBadges } from "./demo/seed-badges";
import { createDemoEvents, seedEvents } from "./demo/seed-events";
import { seedPractices } from "./demo/seed-practices";
import { seedTransfers } from "./demo/seed-transfers";
import { seedWalls } from "./demo/seed-walls";
import { prepareDatabase } from "./migrate";

/** Seeds the demo when nobody has an account yet. Returns whether it did. */
export async function seedDemo(): Promise<boolean> {
  if ((await countActiveMembers()) > 0 || (await getMemberByEmail(DEMO_ACCOUNTS[0]!.email))) return false;
  const difoca = DEMO_ACCOUNTS.find((a) => a.role === "difoca");
  let difocaId: number | null = null;
  for (const account of DEMO_ACCOUNTS) {
    const { id } = await createMember({ ...account, password: DEMO_PASSWORD });
    if (account === difoca) difocaId = id;
    if (account.active === false) {
      await deactivateMember({ memberId: id, actorId: difocaId, reason: "Cuenta de ejemplo desactivada en los datos de demostración." });
    }
  }
  if (difocaId !== null) {
    // The events first: the experts' feedback in the practices was given at the exchange.
    const events = await createDemoEvents(difocaId);
    await seedPractices(difocaId, events);
    await seedBadges(difocaId);
    await seedWalls(difocaId);
    await seedAdvisories(difocaId);
    await seedTransfers(difocaId);
    await seedEvents(difocaId, events);
  }
  return true;
}

/** The demo accounts that exist in this database, to print at start. */
export async function describeDemoAccounts(): Promise<string[]> {
  const lines: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (account.active === false) continue;
    const member = await getMemberByEmail(account.email);
    if (member?.active) lines.push(`  ${ROLE_LABELS[account.role].padEnd(20)} ${account.email.padEnd(30)} ${account.name}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  (async () => {
    await prepareDatabase();
    const seeded = await seedDemo();
    console.log(seeded ? "Se cargaron los datos de demostración." : "La base de datos ya tiene miembros: no se cargó la demostración.");
    const accounts = await describeDemoAccounts();
    if (accounts.length > 0) {
      console.log(`Cuentas de demostración (contraseña para todas: ${DEMO_PASSWORD}):`);
      for (const line of accounts) console.log(line);
    }
    await closeDb();
  })().catch((error) => {
    console.error("No se pudieron cargar los datos de demostración:", error);
    process.exit(1);
  });
}
