// The pieces of multi-factor sign-in shared by the sign-in setup and the security page: the code
// field, the new secret (QR code and the same secret as text), and the recovery codes shown once.
import { useId } from "react";
import { FieldShell, type Errors } from "~/components/forms";

/** A field for a one-time code. Numeric keyboard for the app's 6 digits; text for recovery codes. */
export function CodeField({
  label,
  name = "code",
  errors,
  hint,
  kind = "totp",
  autoFocus,
}: {
  label: string;
  name?: string;
  errors?: Errors;
  hint?: string;
  kind?: "totp" | "recovery" | "any";
  autoFocus?: boolean;
}) {
  return (
    <FieldShell label={label} name={name} errors={errors} hint={hint} required>
      {(control) => (
        <input
          {...control}
          name={name}
          type="text"
          className="code-input"
          required
          autoComplete={kind === "recovery" ? "off" : "one-time-code"}
          inputMode={kind === "totp" ? "numeric" : "text"}
          maxLength={kind === "totp" ? 20 : 40}
          spellCheck={false}
          autoCapitalize="none"
          autoFocus={autoFocus}
        />
      )}
    </FieldShell>
  );
}

/** Step 1 and 2 of setting up an app: scan the QR code, or type the secret. */
export function NewSecret({ qrCode, secret }: { qrCode: string; secret: string }) {
  return (
    <div className="mfa-secret">
      <ol>
        <li>
          Instala en tu teléfono una aplicación de autenticación (por ejemplo Google Authenticator, Microsoft Authenticator,
          FreeOTP o Aegis).
        </li>
        <li>
          En la aplicación, elige «Agregar cuenta» y escanea este código QR:
          <img src={qrCode} alt="Código QR para agregar tu cuenta de la comunidad a la aplicación de autenticación" className="mfa-qr" width={200} height={200} />
          <span className="hint">Si no puedes escanearlo, escribe esta clave en la aplicación (tipo «basada en tiempo»):</span>
          <br />
          <code className="mfa-key">{secret}</code>
        </li>
        <li>Escribe abajo el código de 6 dígitos que te muestra la aplicación.</li>
      </ol>
    </div>
  );
}

/** The recovery codes, shown only once, with a plain-text download. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const headingId = useId();
  const text = `Códigos de recuperación de la Comunidad de Práctica de Gestión Educativa\nCada código sirve una sola vez.\n\n${codes.join("\n")}\n`;
  return (
    <section className="mfa-codes notice" aria-labelledby={headingId}>
      <h2 id={headingId}>Tus códigos de recuperación</h2>
      <p>
        Guárdalos en un lugar seguro (impresos o en tu gestor de contraseñas). Si pierdes tu teléfono, cada código te permite
        ingresar <strong>una sola vez</strong>. No los volverás a ver en esta página.
      </p>
      <ul className="mfa-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="codigos-de-recuperacion.txt">
          Descargar los códigos (.txt)
        </a>
      </p>
    </section>
  );
}
