// The Spanish error pages: 400, 403, 404 and anything unexpected.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const PAGES: Record<number, { title: string; text: string }> = {
  400: { title: "No pudimos procesar la solicitud", text: "Revisa los datos e inténtalo de nuevo." },
  403: { title: "Acceso no permitido", text: "No tienes permiso para ver esta página o hacer esta acción." },
  404: { title: "Página no encontrada", text: "La página que buscas no existe o ya no está disponible." },
  405: { title: "Acción no permitida", text: "Esta página no acepta esa acción." },
  429: { title: "Demasiadas solicitudes", text: "Espera un momento antes de volver a intentarlo." },
};

export function ErrorPage() {
  const error = useRouteError();
  let status = 500;
  let message: string | undefined;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data: unknown = error.data;
    if (data && typeof data === "object" && "message" in data && typeof data.message === "string") message = data.message;
  } else {
    console.error(error);
  }
  const page = PAGES[status] ?? {
    title: "Algo salió mal",
    text: "Ocurrió un error inesperado. Ya quedó registrado; inténtalo de nuevo en unos minutos.",
  };
  return (
    <section className="error-page container">
      <p className="error-page__status">Error {status}</p>
      <h1>{page.title}</h1>
      <p>{message ?? page.text}</p>
      <p>
        <Link to="/">Volver al inicio</Link>
      </p>
    </section>
  );
}
