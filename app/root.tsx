import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "~/components/site-header";
import { ErrorPage } from "~/components/error-page";
import { Toast } from "~/components/toast";
import stylesheet from "~/styles/app.css";
import { countUnread } from "~/models/notification.server";
import { getUser } from "~/utils/auth.server";
import { useNonce } from "~/utils/nonce";
import { can } from "~/utils/permissions.server";
import { readToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { toast, headers }] = await Promise.all([getUser(request), readToast(request)]);
  const unread = user ? await countUnread(user.id) : 0;
  return json(
    {
      user: user ? { id: user.id, name: user.name, isDifoca: can(user, "users.manage"), unread } : null,
      toast,
    },
    { headers },
  );
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Comunidad de Práctica de Gestión Educativa" },
  {
    name: "description",
    content:
      "Plataforma de la Comunidad de Práctica de Gestión Educativa del Ministerio de Educación del Perú: buenas prácticas, desafíos, asesorías y transferencias entre DRE/GRE, UGEL y gobiernos locales.",
  },
];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="es-PE">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#contenido" className="skip-link">
          Saltar al contenido
        </a>
        <SiteHeader user={data?.user ?? null} />
        <main id="contenido" tabIndex={-1}>
          <Toast toast={data?.toast ?? null} />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
