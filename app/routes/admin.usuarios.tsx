import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { FormError } from "~/components/forms";
import { listMfaEnabledIds, resetMemberMfa } from "~/models/mfa.server";
import { changeMemberRole, deactivateMember, getMember, reactivateMember, searchMembers } from "~/models/user.server";
import { parseForm } from "~/utils/forms.server";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { issuePasswordResetLink } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { requirePermission } from "~/utils/permissions.server";
import { isRole, ROLE_LABELS, ROLES } from "~/utils/roles";
import { redirectWithToast } from "~/utils/toast.server";
import { mfaResetSchema } from "~/utils/mfa-validation.server";
import { memberAdminSchema, passwordResetIssueSchema } from "~/utils/user-validation.server";
import { requestedPage } from "~/utils/pagination.server";

const PAGE_SIZE = 25;
const LAST_DIFOCA = "La comunidad necesita al menos una persona de DIFOCA activa: no se puede quitar ese rol ni desactivar esa cuenta.";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "users.manage");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 120);
  const roleParam = url.searchParams.get("rol");
  const statusParam = url.searchParams.get("estado");
  const page = requestedPage(url.searchParams);
  const result = await searchMembers({
    query,
    role: isRole(roleParam) ? roleParam : undefined,
    status: statusParam === "activos" ? "active" : statusParam === "desactivados" ? "inactive" : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const withMfa = await listMfaEnabledIds(result.members.map((m) => m.id));
  return json({
    viewerId: viewer.id,
    filters: { q: query, rol: isRole(roleParam) ? roleParam : "", estado: statusParam === "activos" || statusParam === "desactivados" ? statusParam : "" },
    members: result.members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      role: m.role,
      iged: m.igedName,
      region: m.regionName,
      active: m.active,
      mfa: withMfa.has(m.id),
    })),
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "users.manage");
  const formData = await request.formData();
  const back = safeRedirectPath(formData.get("redirectTo"), "/admin/usuarios");
  const targetId = Number(formData.get("memberId")) || null;
  if (formData.get("intent") === "reset_mfa") return resetMfa(request, actor.id, formData, back, targetId);
  if (formData.get("intent") === "reset_password") return issueResetLink(request, actor.id, formData, targetId);
  const form = parseForm(memberAdminSchema, formData);
  if (!form.success) return badRequest({ memberId: targetId, errors: form.errors });

  const input = form.data;
  const member = await getMember(input.memberId);
  if (!member) return badRequest({ memberId: targetId, errors: { form: "Ese miembro no existe." } });
  if (member.id === actor.id && input.intent !== "reactivate") {
    return badRequest({
      memberId: targetId,
      errors: { form: "No puedes cambiar tu propio rol ni desactivar tu propia cuenta. Pídeselo a otra persona de DIFOCA." },
    });
  }

  switch (input.intent) {
    case "role":
      if (!(await changeMemberRole({ memberId: member.id, role: input.role, actorId: actor.id }))) {
        return badRequest({ memberId: targetId, errors: { form: LAST_DIFOCA } });
      }
      return redirectWithToast(request, back, {
        type: "success",
        message: `${member.name} ahora tiene el rol ${ROLE_LABELS[input.role]}.`,
      });
    case "deactivate":
      if (!(await deactivateMember({ memberId: member.id, actorId: actor.id, reason: input.reason }))) {
        return badRequest({ memberId: targetId, errors: { form: member.active ? LAST_DIFOCA : "Esa cuenta ya estaba desactivada." } });
      }
      return redirectWithToast(request, back, {
        type: "success",
        message: `Se desactivó la cuenta de ${member.name}. Sus sesiones se cerraron.`,
      });
    case "reactivate":
      await reactivateMember({ memberId: member.id, actorId: actor.id });
      return redirectWithToast(request, back, { type: "success", message: `Se reactivó la cuenta de ${member.name}.` });
  }
}

/** A member lost their phone: their MFA is reset, they are signed out everywhere, and it is audited. */
async function resetMfa(request: Request, actorId: number, formData: FormData, back: string, targetId: number | null) {
  const form = parseForm(mfaResetSchema, formData);
  if (!form.success) return badRequest({ memberId: targetId, errors: form.errors });
  const member = await getMember(form.data.memberId);
  if (!member) return badRequest({ memberId: targetId, errors: { form: "Ese miembro no existe." } });
  if (member.id === actorId) {
    return badRequest({
      memberId: targetId,
      errors: { form: "No puedes restablecer tu propia verificación. Pídeselo a otra persona de DIFOCA." },
    });
  }
  if (!(await resetMemberMfa({ memberId: member.id, actorId, reason: form.data.reason }))) {
    return badRequest({ memberId: targetId, errors: { form: "Esa cuenta no tiene la verificación en dos pasos activa." } });
  }
  return redirectWithToast(request, back, {
    type: "success",
    message: `Se restableció la verificación en dos pasos de ${member.name}. Sus sesiones se cerraron.`,
  });
}

/**
 * A member forgot their password: a one-time link, valid 24 hours, shown once to the specialist to
 * pass on through MINEDU's channels (there is no e-mail, ADR 007 and 014). Audited with its reason.
 */
async function issueResetLink(request: Request, actorId: number, formData: FormData, targetId: number | null) {
  const form = parseForm(passwordResetIssueSchema, formData);
  if (!form.success) return badRequest({ memberId: targetId, errors: form.errors });
  const member = await getMember(form.data.memberId);
  if (!member) return badRequest({ memberId: targetId, errors: { form: "Ese miembro no existe." } });
  if (member.id === actorId) {
    return badRequest({
      memberId: targetId,
      errors: { form: "No puedes crear un enlace para tu propia cuenta. Pídeselo a otra persona de DIFOCA." },
    });
  }
  if (!member.active) {
    return badRequest({ memberId: targetId, errors: { form: "Esa cuenta está desactivada. Reactívala antes de crear un enlace." } });
  }
  const link = await issuePasswordResetLink({ memberId: member.id, actorId, reason: form.data.reason });
  return json(
    {
      memberId: null,
      errors: null,
      resetLink: { memberName: member.name, url: new URL(link.path, request.url).href, expiresOn: formatDateTime(link.expiresAt) },
    },
    // The link is a secret for one person: no cache keeps it.
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function AdminUsers() {
  const { viewerId, filters, members, total, page, pages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Usuarios</h1>
      <Form method="get" className="search-form" role="search">
        <div className="field">
          <label htmlFor="q">Buscar por nombre o correo</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="rol">Rol</label>
          <select id="rol" name="rol" defaultValue={filters.rol}>
            <option value="">Todos</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="estado">Estado</label>
          <select id="estado" name="estado" defaultValue={filters.estado}>
            <option value="">Todos</option>
            <option value="activos">Activos</option>
            <option value="desactivados">Desactivados</option>
          </select>
        </div>
        <button type="submit">Buscar</button>
      </Form>

      {actionData && "resetLink" in actionData && actionData.resetLink ? (
        <section className="notice" aria-labelledby="enlace-titulo">
          <h2 id="enlace-titulo">Enlace para que {actionData.resetLink.memberName} cree una contraseña nueva</h2>
          <p>
            Cópialo y envíaselo por los canales oficiales del MINEDU. Solo se muestra esta vez: funciona una sola vez y vence
            el {actionData.resetLink.expiresOn}. Si se pierde, crea otro; el anterior dejará de funcionar.
          </p>
          <label htmlFor="enlace-restablecer">Enlace para restablecer la contraseña</label>
          <input id="enlace-restablecer" type="text" readOnly value={actionData.resetLink.url} />
        </section>
      ) : null}
      {actionData && actionData.memberId === null && actionData.errors ? <FormError message={Object.values(actionData.errors)[0]} /> : null}

      <p aria-live="polite">
        {total === 1 ? "1 miembro encontrado." : `${total.toLocaleString("es-PE")} miembros encontrados.`}
      </p>

      {members.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Miembros de la comunidad</caption>
            <thead>
              <tr>
                <th scope="col">Nombre</th>
                <th scope="col">IGED</th>
                <th scope="col">Rol</th>
                <th scope="col">Estado</th>
                <th scope="col">Verificación en dos pasos</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const rowErrors = actionData?.memberId === member.id ? actionData.errors : undefined;
                const isSelf = member.id === viewerId;
                return (
                  <tr key={member.id}>
                    <td>
                      <Link to={`/perfil/${member.id}`}>{member.name}</Link>
                      <br />
                      <span className="hint">{member.email}</span>
                      {rowErrors ? <FormError message={Object.values(rowErrors)[0]} /> : null}
                      {member.active && !isSelf ? (
                        <details>
                          <summary>
                            Restablecer contraseña<span className="visually-hidden"> de {member.name}</span>
                          </summary>
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="intent" value="reset_password" />
                            <input type="hidden" name="memberId" value={member.id} />
                            <label htmlFor={`password-reason-${member.id}`}>Motivo (quién lo pidió y por qué canal)</label>
                            <input id={`password-reason-${member.id}`} name="reason" required maxLength={500} />
                            <button type="submit" className="button--small">
                              Crear enlace<span className="visually-hidden"> para {member.name}</span>
                            </button>
                          </Form>
                        </details>
                      ) : null}
                    </td>
                    <td>
                      {member.iged ?? "Sin IGED"}
                      {member.region ? <span className="hint"> · {member.region}</span> : null}
                    </td>
                    <td>
                      {isSelf ? (
                        ROLE_LABELS[member.role]
                      ) : (
                        <Form method="post" className="row-actions">
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="memberId" value={member.id} />
                          <input type="hidden" name="redirectTo" value={here} />
                          <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                            Rol de {member.name}
                          </label>
                          <select id={`role-${member.id}`} name="role" defaultValue={member.role}>
                            {ROLES.map((role) => (
                              <option key={role} value={role}>
                                {ROLE_LABELS[role]}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button--small">
                            Cambiar rol<span className="visually-hidden"> de {member.name}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                    <td>
                      {member.active ? "Activa" : "Desactivada"}
                      {isSelf ? null : member.active ? (
                        <details>
                          <summary>
                            Desactivar<span className="visually-hidden"> la cuenta de {member.name}</span>
                          </summary>
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="intent" value="deactivate" />
                            <input type="hidden" name="memberId" value={member.id} />
                            <input type="hidden" name="redirectTo" value={here} />
                            <label htmlFor={`reason-${member.id}`}>Motivo</label>
                            <input id={`reason-${member.id}`} name="reason" required maxLength={500} />
                            <button type="submit" className="button--small button--danger">
                              Desactivar cuenta
                            </button>
                          </Form>
                        </details>
                      ) : (
                        <Form method="post" className="row-actions">
                          <input type="hidden" name="intent" value="reactivate" />
                          <input type="hidden" name="memberId" value={member.id} />
                          <input type="hidden" name="redirectTo" value={here} />
                          <button type="submit" className="button--small button--secondary">
                            Reactivar<span className="visually-hidden"> la cuenta de {member.name}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                    <td>
                      {member.mfa ? "Activa" : "No activa"}
                      {member.mfa && !isSelf ? (
                        <details>
                          <summary>
                            Restablecer<span className="visually-hidden"> la verificación de {member.name}</span>
                          </summary>
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="intent" value="reset_mfa" />
                            <input type="hidden" name="memberId" value={member.id} />
                            <input type="hidden" name="redirectTo" value={here} />
                            <label htmlFor={`mfa-reason-${member.id}`}>Motivo del restablecimiento</label>
                            <input id={`mfa-reason-${member.id}`} name="reason" required maxLength={500} />
                            <button type="submit" className="button--small button--danger">
                              Restablecer verificación
                            </button>
                          </Form>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No hay miembros que coincidan con la búsqueda.</p>
      )}

      <Pagination page={page} pages={pages} />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Usuarios | Administración | Comunidad de Práctica de Gestión Educativa" }];
