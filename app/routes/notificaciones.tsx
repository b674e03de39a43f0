import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { countNotifications, countUnread, listNotifications, markRead } from "~/models/notification.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";
import { badRequest, safeRedirectPath } from "~/utils/http.server";
import { notificationTypeLabel } from "~/utils/notification-types";
import { redirectWithToast } from "~/utils/toast.server";
import { requestedPage } from "~/utils/pagination.server";

const PAGE_SIZE = 30;
const UNREAD_FILTER = "no-leidas";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const unreadOnly = params.get("estado") === UNREAD_FILTER;
  const [total, unread] = await Promise.all([countNotifications(user.id, { unreadOnly }), countUnread(user.id)]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end (the list shrank since the link was made) shows the last one.
  const page = requestedPage(params, pages);
  const notifications = await listNotifications(user.id, { unreadOnly, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return json({
    unreadOnly,
    unread,
    total,
    page,
    pages,
    notifications: notifications.map((n) => ({
      id: n.id,
      typeLabel: notificationTypeLabel(n.type),
      title: n.title,
      body: n.body,
      link: n.link ? safeRedirectPath(n.link, "") || null : null,
      date: formatDateTime(n.createdAt),
      dateTime: n.createdAt,
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
  // Opening a notification marks it read and goes where it points; "Marcar como leída" stays on the same page of the centre.
  const next = safeRedirectPath(formData.get("next"), "/notificaciones");
  return redirectWithToast(request, next, { type: "info", message: "Notificación marcada como leída." });
}

export default function Notifications() {
  const { notifications, unread, unreadOnly, page, pages } = useLoaderData<typeof loader>();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
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
      <nav className="notification-filter" aria-label="Qué notificaciones ver">
        <Link to="/notificaciones" aria-current={unreadOnly ? undefined : "page"}>
          Todas
        </Link>
        <Link to={`/notificaciones?estado=${UNREAD_FILTER}`} aria-current={unreadOnly ? "page" : undefined}>
          Solo no leídas
        </Link>
      </nav>
      {notifications.length === 0 ? (
        <p>
          {unreadOnly
            ? "Ya leíste todas tus notificaciones."
            : "Aquí verás las insignias que recibas, la retroalimentación a tus prácticas, los aportes a los desafíos que sigues y otras novedades."}
        </p>
      ) : (
        <ol className="notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "card notification notification--unread" : "card notification"}>
              <p className="hint">
                <span className="tag">{n.typeLabel}</span> <time dateTime={n.dateTime}>{n.date}</time>
              </p>
              <p className="notification__title">
                {n.unread ? <span className="tag tag--stage">Nueva</span> : null} <strong>{n.title}</strong>
              </p>
              {n.body ? <p>{n.body}</p> : null}
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
                    <input type="hidden" name="next" value={here} />
                    <button type="submit" className="button--small button--secondary">
                      Marcar como leída<span className="visually-hidden">: {n.title}</span>
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Notificaciones | Comunidad de Práctica de Gestión Educativa" }];
