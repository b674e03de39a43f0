import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listNotifications, markRead } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const notifications = await listNotifications(user.id, { limit: 100 });
  return json({
    notifications: notifications.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link ? safeRedirectPath(n.link, "") || null : null,
      date: formatDateTime(n.createdAt),
      unread: n.readAt === null,
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "read-all") {
    await markRead({ userId: user.id });
    return redirectWithToast(request, "/notificaciones", { type: "success", message: "Marcaste todas las notificaciones como leídas." });
  }
  const id = Number(formData.get("notificationId"));
  if (intent !== "read" || !Number.isSafeInteger(id) || id <= 0) return badRequest({ error: "La acción no es válida." });
  await markRead({ userId: user.id, notificationId: id });
  // Opening a notification marks it read and goes where it points.
  const next = safeRedirectPath(formData.get("next"), "/notificaciones");
  return redirectWithToast(request, next, { type: "info", message: "Notificación marcada como leída." });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <section className="container page">
      <div className="page-heading">
        <h1>Notificaciones</h1>
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button--secondary">
              Marcar todas como leídas
            </button>
          </Form>
        ) : null}
      </div>
      <p aria-live="polite">{unread === 0 ? "No tienes notificaciones sin leer." : unread === 1 ? "Tienes 1 notificación sin leer." : `Tienes ${unread} notificaciones sin leer.`}</p>
      {notifications.length === 0 ? (
        <p>Aquí verás las insignias que recibas, la retroalimentación a tus prácticas y otras novedades.</p>
      ) : (
        <ol className="notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "card notification notification--unread" : "card notification"}>
              <p className="notification__title">
                {n.unread ? <span className="tag tag--stage">Nueva</span> : null} <strong>{n.title}</strong>
              </p>
              {n.body ? <p>{n.body}</p> : null}
              <p className="hint">{n.date}</p>
              <div className="row-actions">
                {n.link && n.unread ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="notificationId" value={n.id} />
                    <input type="hidden" name="next" value={n.link} />
                    <button type="submit" className="button--small">
                      Ver<span className="visually-hidden">: {n.title}</span>
                    </button>
                  </Form>
                ) : n.link ? (
                  <Link to={n.link}>
                    Ver<span className="visually-hidden">: {n.title}</span>
                  </Link>
                ) : null}
                {n.unread && !n.link ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="notificationId" value={n.id} />
                    <button type="submit" className="button--small button--secondary">
                      Marcar como leída
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Notificaciones | Comunidad de Práctica de Gestión Educativa" }];
