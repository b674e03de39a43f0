// The fields of an account, validated the same way by the registration form, the admin screens
// and the user:create command.
import { z } from "zod";
import { idFromList, requiredText } from "~/utils/forms.server";
import { passwordProblem } from "~/utils/password.server";
import { ROLES } from "~/utils/roles";

export const emailField = z
  .string({ error: "Escribe tu correo electrónico." })
  .trim()
  .min(1, { error: "Escribe tu correo electrónico." })
  .max(254, { error: "El correo no puede tener más de 254 caracteres." })
  .pipe(z.email({ error: "Escribe un correo válido, por ejemplo nombre@ugel.gob.pe." }))
  .transform((s) => s.toLowerCase());

export const nameField = requiredText(
  { required: "Escribe tu nombre completo.", tooShort: "Escribe tu nombre completo.", tooLong: "El nombre no puede tener más de 120 caracteres." },
  120,
  3,
);

export const positionField = requiredText(
  { required: "Escribe tu cargo.", tooShort: "Escribe tu cargo.", tooLong: "El cargo no puede tener más de 120 caracteres." },
  120,
  2,
);

export const igedField = idFromList("Elige tu IGED de la lista.");

export const roleField = z.enum(ROLES, { error: "Elige un rol de la lista." });

/** A new password: length and common-password checks (the policy is in password.server.ts). */
export const newPasswordField = z.string({ error: "Escribe una contraseña." }).superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

function passwordDiffersFromEmail(value: { email: string; password: string }, ctx: z.RefinementCtx) {
  // The field already checked everything else about the password.
  if (passwordProblem(value.password) !== null) return;
  const problem = passwordProblem(value.password, value.email);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}

export const registrationSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    igedId: igedField,
    position: positionField,
  })
  .superRefine(passwordDiffersFromEmail);

/** What the user:create command takes: the IGED and position are optional for DIFOCA and experts. */
export const newAccountSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    role: roleField,
    igedId: igedField.optional(),
    position: z.string().trim().max(120, { error: "El cargo no puede tener más de 120 caracteres." }).optional(),
  })
  .superRefine(passwordDiffersFromEmail)
  .superRefine((value, ctx) => {
    if (value.role === "gestor" && value.igedId === undefined) {
      ctx.addIssue({ code: "custom", path: ["igedId"], message: "Un gestor debe pertenecer a una IGED." });
    }
  });

export const signInSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "Escribe tu contraseña." })
    .min(1, { error: "Escribe tu contraseña." })
    .max(1024, { error: "La contraseña es demasiado larga." }),
});

/** What DIFOCA submits on /admin/usuarios: a role change, a deactivation with its reason, a reactivation. */
const memberIdField = idFromList("Elige un miembro de la lista.");
export const memberAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("role"), memberId: memberIdField, role: roleField }),
    z.object({
      intent: z.literal("deactivate"),
      memberId: memberIdField,
      reason: requiredText(
        {
          required: "Escribe el motivo de la desactivación.",
          tooShort: "Escribe el motivo de la desactivación.",
          tooLong: "El motivo no puede tener más de 500 caracteres.",
        },
        500,
        3,
      ),
    }),
    z.object({ intent: z.literal("reactivate"), memberId: memberIdField }),
  ],
  { error: "La acción no es válida." },
);

/** A password typed again to confirm who is acting (not checked against the policy: it is the current one). */
export const currentPasswordField = z
  .string({ error: "Escribe tu contraseña actual." })
  .min(1, { error: "Escribe tu contraseña actual." })
  .max(1024, { error: "La contraseña es demasiado larga." });

const NOT_THE_SAME = "Las dos contraseñas nuevas no coinciden. Escríbela igual en los dos campos.";
function confirmationMatches(value: { newPassword: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (value.newPassword !== value.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: NOT_THE_SAME });
}
const confirmPasswordField = z.string({ error: "Escribe otra vez la contraseña nueva." }).min(1, { error: "Escribe otra vez la contraseña nueva." });

/** The member changes their password on /cuenta/seguridad: the current one, and the new one twice. */
export const passwordChangeSchema = z
  .object({
    intent: z.literal("change_password"),
    currentPassword: currentPasswordField,
    newPassword: newPasswordField,
    confirmPassword: confirmPasswordField,
  })
  .superRefine(confirmationMatches);

/** The member sets a new password through a reset link: the new one twice. */
export const passwordResetSchema = z
  .object({ newPassword: newPasswordField, confirmPassword: confirmPasswordField })
  .superRefine(confirmationMatches);

/** DIFOCA issues a reset link for a member who forgot their password, and says why. */
export const passwordResetIssueSchema = z.object({
  intent: z.literal("reset_password", { error: "La acción no es válida." }),
  memberId: memberIdField,
  reason: requiredText(
    {
      required: "Escribe el motivo: por ejemplo, quién lo pidió y por qué canal.",
      tooShort: "Escribe el motivo: por ejemplo, quién lo pidió y por qué canal.",
      tooLong: "El motivo no puede tener más de 500 caracteres.",
    },
    500,
    3,
  ),
});

/** The member ends one of their sessions (named by its handle) or all the others, with their password. */
export const endSessionsSchema = z.object({
  intent: z.literal("end_sessions"),
  password: currentPasswordField,
  session: z
    .string({ error: "Elige qué sesión cerrar." })
    .regex(/^(otras|[A-Za-z0-9_-]{22})$/, { error: "Elige qué sesión cerrar." }),
});
