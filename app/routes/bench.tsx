// The ceiling of the load benchmark (ADR 013): a page rendered through the root layout for a
// visitor, with no database work, so `npm run bench` can tell the stack's own cost (Express,
// compression, headers, Remix SSR) from each page's. It exists only when the server runs with
// BENCH=1; otherwise it is a page that does not exist.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/utils/http.server";

export async function loader() {
  if (process.env.BENCH !== "1") throw notFound();
  return json({ title: "Página de referencia de la prueba de carga" });
}

export default function BenchCeiling() {
  const { title } = useLoaderData<typeof loader>();
  return (
    <div className="container">
      <h1>{title}</h1>
      <p>Esta página no consulta la base de datos: mide lo que cuesta servir cualquier página de la plataforma.</p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} | Comunidad de Práctica de Gestión Educativa` : "Página no encontrada" },
  { name: "robots", content: "noindex" },
];
