// The forms of multi-factor sign-in: the code of the second step, the security page's actions and
// DIFOCA's reset of a member's MFA. Messages in Spanish, next to each field.
import { z } from "zod";
import { idFromList, requiredText } from "~/utils/forms.server";
import { normalizeRecoveryCode, normalizeTotpCode } from "~/utils/totp.server";
import { describeWait } from "~/utils/rate-limit.server";
import { currentPasswordField } from "~/utils/user-validation.server";

const TOTP_REQUIRED = "Escribe el código de 6 dígitos que muestra tu aplicación.";
const TOTP_SHAPE = "El código tiene 6 dígitos, sin letras. Revisa tu aplicación.";
const RECOVERY_SHAPE = "Un código de recuperación tiene 12 letras y números, por ejemplo abcd-efgh-jkmn.";

/** The 6 digits of an authenticator app (spaces are forgiven). */
export const totpCodeField = z
  .string({ error: TOTP_REQUIRED })
  .trim()
  .min(1, { error: TOTP_REQUIRED })
  .max(20, { error: TOTP_SHAPE })
  .refine((s) => normalizeTotpCode(s) !== null, { error: TOTP_SHAPE });

/** The 6 digits of the app or one of the recovery codes. */
export const anySecondFactorField = z
  .string({ error: "Escribe el código de tu aplicación o un código de recuperación." })
  .trim()
  .min(1, { error: "Escribe el código de tu aplicación o un código de recuperación." })
  .max(40, { error: RECOVERY_SHAPE })
  .refine((s) => normalizeTotpCode(s) !== null || normalizeRecoveryCode(s) !== null, {
    error: "Escribe los 6 dígitos de tu aplicación o un código de recuperación como abcd-efgh-jkmn.",
  });

/** The second step of sign-in: one form for the app's code, one for a recovery code. */
export const signInCodeSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("totp"), code: totpCodeField }),
    z.object({
      intent: z.literal("recovery"),
      code: z
        .string({ error: "Escribe uno de tus códigos de recuperación." })
        .trim()
        .min(1, { error: "Escribe uno de tus códigos de recuperación." })
        .max(40, { error: RECOVERY_SHAPE })
        .refine((s) => normalizeRecoveryCode(s) !== null, { error: RECOVERY_SHAPE }),
    }),
  ],
  { error: "La acción no es válida." },
);

/** The setup DIFOCA does at sign-in: the first code of the new app. */
export const setupCodeSchema = z.object({ code: totpCodeField });

/** What a member does on /cuenta/seguridad. */
export const securitySchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("start") }),
    // Turning MFA on or moving it to a new phone needs the password too (ASVS V7.5.1): a stolen
    // session alone cannot put the thief's app on the account and lock the owner out.
    z.object({ intent: z.literal("confirm"), password: currentPasswordField, code: totpCodeField, currentCode: anySecondFactorField.optional() }),
    z.object({ intent: z.literal("regenerate"), code: totpCodeField }),
    z.object({
      intent: z.literal("disable"),
      password: z
        .string({ error: "Escribe tu contraseña." })
        .min(1, { error: "Escribe tu contraseña." })
        .max(1024, { error: "La contraseña es demasiado larga." }),
      code: anySecondFactorField,
    }),
  ],
  { error: "La acción no es válida." },
);

/** DIFOCA resets the MFA of a member who lost their phone, and says why. */
export const mfaResetSchema = z.object({
  intent: z.literal("reset_mfa", { error: "La acción no es válida." }),
  memberId: idFromList("Elige un miembro de la lista."),
  reason: requiredText(
    {
      required: "Escribe el motivo del restablecimiento.",
      tooShort: "Escribe el motivo del restablecimiento.",
      tooLong: "El motivo no puede tener más de 500 caracteres.",
    },
    500,
    3,
  ),
});

/** The messages of the code fields, the same on the sign-in step, the setup and the security page. */
export const CODE_MESSAGES = {
  wrongCode: "El código no es correcto. Revisa que la hora de tu teléfono sea la correcta y escribe el código que se muestra ahora.",
  restart: "Escribiste varios códigos incorrectos. Por seguridad, ingresa de nuevo con tu correo y contraseña.",
  throttled: (retryAfterSeconds: number) => `Hubo demasiados intentos. Espera ${describeWait(retryAfterSeconds)} y vuelve a intentarlo.`,
};
