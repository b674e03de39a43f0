// The public verification page of a credential: whether it is valid (signed with the platform's key
// and not revoked), who issued it, to whom, which badge and when; or when, by whom and why it was
// revoked. Anyone can also paste a credential's JWT here and check its signature.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, TextareaField } from "~/components/forms";
import { getAwardByCredentialId, type AwardRecord } from "~/models/badge.server";
import { getUser } from "~/utils/auth.server";
import { BADGE_LEVEL_LABELS, badgeImagePath, badgePath, credentialDownloadPath, credentialPath } from "~/utils/badge-labels";
import { verifyCredentialSchema } from "~/utils/badge-validation.server";
import { credentialIdFromUrl, ISSUER_NAME, issuerOrigin, signCredential, signingKey, verifyCredentialJwt } from "~/utils/credentials.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { parseForm } from "~/utils/forms.server";
import { badRequest, notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";

const CREDENTIAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function revocationText(award: AwardRecord): string | null {
  if (!award.revokedAt) return null;
  const by = award.revokedByName ? ` por ${award.revokedByName}` : "";
  return `Revocada el ${formatDate(award.revokedAt)}${by}: ${award.revokeReason ?? "sin motivo registrado"}.`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design: a credential is verified by people without an account (an employer, a jury).
  const id = params.id ?? "";
  if (!CREDENTIAL_ID.test(id)) throw notFound("Esa credencial no existe.");
  const [viewer, award] = await Promise.all([getUser(request), getAwardByCredentialId(id)]);
  if (!award) throw notFound("Esa credencial no existe.");

  // The credential as it would be downloaded now, checked against the platform's public key.
  const signed = await signCredential(
    { credentialId: award.credentialId, awardedAt: award.awardedAt, reason: award.reason, evidenceUrl: award.evidenceUrl, recipientEmail: award.recipient.email, badge: award.badge },
    issuerOrigin(request),
  );
  const signature = await verifyCredentialJwt(signed.jwt);
  const revoked = award.revokedAt !== null;
  const valid = signature.valid && !revoked;
  return json({
    credential: {
      id: award.credentialId,
      valid,
      revoked,
      statusLabel: revoked ? "Revocada" : valid ? "Válida" : "No válida",
      revocation: revocationText(award),
      signatureValid: signature.valid,
      keyId: (await signingKey()).kid,
      issuerName: ISSUER_NAME,
      issuerUrl: signed.credential.issuer.id,
      recipient: {
        name: award.recipient.name,
        // A deactivated member's profile is gone for everyone but DIFOCA.
        profileId: award.recipient.active || can(viewer, "users.view_inactive") ? award.recipient.id : null,
      },
      badge: {
        slug: award.badge.slug,
        name: award.badge.name,
        levelLabel: BADGE_LEVEL_LABELS[award.badge.level],
        description: award.badge.description,
        criteria: award.badge.criteria,
      },
      awardedOn: formatDateTime(award.awardedAt),
      awardedBy: award.awardedByName ? `${award.awardedByName} (DIFOCA)` : "La plataforma, al cumplirse la regla de la insignia",
      reason: award.reason,
      evidenceUrl: award.evidenceUrl,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Public, like the page: verifying a credential needs no account.
  const id = params.id ?? "";
  if (!CREDENTIAL_ID.test(id)) throw notFound("Esa credencial no existe.");
  const form = parseForm(verifyCredentialSchema, await request.formData());
  if (!form.success) return badRequest({ errors: form.errors, values: form.values, result: null });

  const check = await verifyCredentialJwt(form.data.jwt);
  if (!check.valid) {
    return json({ errors: {}, values: form.values, result: { valid: false as const, message: check.error, details: null } });
  }
  const credentialId = credentialIdFromUrl(check.payload.id);
  const award = credentialId ? await getAwardByCredentialId(credentialId) : undefined;
  if (!award) {
    return json({
      errors: {},
      values: form.values,
      result: { valid: false as const, message: "La firma es de esta plataforma, pero esa credencial no está registrada.", details: null },
    });
  }
  const revocation = revocationText(award);
  return json({
    errors: {},
    values: form.values,
    result: {
      valid: revocation === null,
      message: revocation
        ? `La firma es auténtica, pero la insignia fue revocada. ${revocation}`
        : "La credencial es válida: la firmó esta plataforma, nadie la alteró y la insignia sigue vigente.",
      details: {
        badgeName: award.badge.name,
        recipientName: award.recipient.name,
        awardedOn: formatDate(award.awardedAt),
        path: credentialPath(award.credentialId),
        isThisCredential: award.credentialId === id,
      },
    },
  });
}

export default function CredentialVerification() {
  const { credential } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData?.result ?? null;
  return (
    <section className="container page">
      <p>
        <Link to="/insignias">Insignias</Link>
      </p>
      <h1>Verificación de credencial</h1>
      <div className={credential.valid ? "notice toast--success" : "notice toast--error"} role="status">
        <p>
          <strong>{credential.statusLabel}.</strong>{" "}
          {credential.revoked
            ? credential.revocation
            : credential.valid
              ? "Esta insignia fue otorgada por la plataforma, su firma digital se comprueba con la clave pública de la plataforma y no ha sido revocada."
              : "La firma de esta credencial no se pudo comprobar."}
        </p>
      </div>

      <img src={badgeImagePath(credential.badge.slug)} alt={`Imagen de la insignia «${credential.badge.name}»`} width={120} height={144} />
      <dl className="facts">
        <dt>Insignia</dt>
        <dd>
          <Link to={badgePath(credential.badge.slug)}>{credential.badge.name}</Link> (nivel {credential.badge.levelLabel.toLowerCase()})
        </dd>
        <dt>Otorgada a</dt>
        <dd>{credential.recipient.profileId ? <Link to={`/perfil/${credential.recipient.profileId}`}>{credential.recipient.name}</Link> : credential.recipient.name}</dd>
        <dt>Emitida por</dt>
        <dd>
          {credential.issuerName} (<a href={credential.issuerUrl}>perfil del emisor</a>)
        </dd>
        <dt>Fecha</dt>
        <dd>{credential.awardedOn}</dd>
        <dt>Otorgada por</dt>
        <dd>{credential.awardedBy}</dd>
        <dt>Motivo</dt>
        <dd>{credential.reason || "—"}</dd>
        {credential.evidenceUrl ? (
          <>
            <dt>Evidencia</dt>
            <dd>
              <a href={credential.evidenceUrl} rel="noopener noreferrer nofollow">
                {credential.evidenceUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>Qué reconoce</dt>
        <dd>{credential.badge.description}</dd>
        <dt>Criterios</dt>
        <dd>{credential.badge.criteria}</dd>
        <dt>Estado</dt>
        <dd>{credential.revoked ? credential.revocation : "Vigente"}</dd>
        <dt>Firma digital</dt>
        <dd>
          {credential.signatureValid ? "Comprobada" : "No comprobada"} (Ed25519, clave <code>{credential.keyId}</code>,{" "}
          <a href="/emisor/jwks.json">clave pública</a>)
        </dd>
      </dl>
      {credential.revoked ? null : (
        <p>
          <a href={credentialDownloadPath(credential.id)} className="button" download>
            Descargar credencial
          </a>{" "}
          <span className="hint">Archivo JSON con la credencial Open Badges 3.0 y su firma (VC-JWT).</span>
        </p>
      )}

      <h2>Verificar otra credencial</h2>
      <p>Pega el texto de una credencial firmada (el valor «jwt» del archivo descargado) para comprobar su firma y su estado.</p>
      <Form method="post" className="form form--wide">
        <TextareaField label="Credencial (JWT)" name="jwt" required rows={5} maxLength={20_000} defaultValue={actionData?.values.jwt} errors={actionData?.errors} />
        <button type="submit">Verificar</button>
      </Form>
      {result ? (
        <div className={result.valid ? "notice toast--success" : "notice toast--error"} role="status">
          <p>
            <strong>{result.valid ? "Válida." : "No válida."}</strong> {result.message}
          </p>
          {result.details ? (
            <p>
              «{result.details.badgeName}», otorgada a {result.details.recipientName} el {result.details.awardedOn}.{" "}
              {result.details.isThisCredential ? "Es la credencial de esta página." : <Link to={result.details.path}>Ver su página de verificación</Link>}
            </p>
          ) : null}
        </div>
      ) : actionData && Object.keys(actionData.errors).length > 0 ? (
        <FormError message="Revisa el texto pegado." />
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Credencial: ${data.credential.badge.name} (${data.credential.statusLabel.toLowerCase()}) | Comunidad de Práctica de Gestión Educativa` : "Credencial no encontrada" },
  { name: "robots", content: "noindex" },
];
