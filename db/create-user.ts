// Creates an account from the command line, e.g. the first DIFOCA specialist of a deployment:
//   npm run user:create -- --email ana@minedu.gob.pe --password "una frase larga" --name "Ana Pérez" --role difoca
// Options: --iged (name or number of an IGED; required for gestores), --position.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getIged, getIgedByName } from "~/models/iged.server";
import { registerMember } from "~/utils/auth.server";
import { closeDb } from "~/utils/db.server";
import { ROLE_LABELS } from "~/utils/roles";
import { newAccountSchema } from "~/utils/user-validation.server";
import { databasePath } from "./connection";
import { prepareDatabase } from "./migrate";

const FIELD_NAMES: Record<string, string> = {
  name: "--name",
  email: "--email",
  password: "--password",
  role: "--role",
  igedId: "--iged",
  position: "--position",
};

export async function createUserFromArgs(argv: string[]): Promise<{ ok: true; message: string } | { ok: false; errors: string[] }> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        iged: { type: "string" },
        position: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, errors: [`Opción no reconocida: ${(error as Error).message}`] };
  }

  // The IGED may be given by its number or its exact name.
  let igedId: string | undefined;
  if (values.iged) {
    const iged = /^\d+$/.test(values.iged) ? await getIged(Number(values.iged)) : await getIgedByName(values.iged);
    if (!iged) return { ok: false, errors: [`--iged: no existe una IGED "${values.iged}".`] };
    igedId = String(iged.id);
  }
  const parsed = newAccountSchema.safeParse({
    email: values.email ?? "",
    password: values.password ?? "",
    name: values.name ?? "",
    role: values.role ?? "",
    igedId,
    position: values.position,
  });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${FIELD_NAMES[String(i.path[0])] ?? ""}: ${i.message}`) };
  }
  const data = parsed.data;
  const result = await registerMember({
    name: data.name,
    email: data.email,
    password: data.password,
    role: data.role,
    igedId: data.igedId ?? null,
    position: data.position ?? "",
  });
  if (!result.ok) return { ok: false, errors: Object.entries(result.errors).map(([k, m]) => `${FIELD_NAMES[k] ?? k}: ${m}`) };
  return { ok: true, message: `Se creó la cuenta ${data.email} (${ROLE_LABELS[data.role]}, n.º ${result.userId}).` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  (async () => {
    await prepareDatabase();
    const result = await createUserFromArgs(process.argv.slice(2));
    await closeDb();
    if (result.ok) {
      console.log(result.message);
      console.log(`Base de datos: ${databasePath()}`);
    } else {
      console.error("No se creó la cuenta:");
      for (const line of result.errors) console.error(`  ${line}`);
      process.exitCode = 1;
    }
  })().catch((error) => {
    console.error("No se pudo crear la cuenta:", error);
    process.exit(1);
  });
}
