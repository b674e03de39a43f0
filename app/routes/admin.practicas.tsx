import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listReviewQueue } from "~/models/practice.server";
import { formatDate } from "~/utils/dates";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "practices.review");
  const queue = await listReviewQueue();
  return json({ queue: queue.map((p) => ({ ...p, submittedOn: p.submittedAt ? formatDate(p.submittedAt) : "" })) });
}

export default function ReviewQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <section className="container page">
      <p>
        <Link to="/admin">Administración</Link>
      </p>
      <h1>Prácticas por revisar</h1>
      <p className="lead">Las prácticas que los equipos enviaron a revisión. Ábrelas para publicarlas o devolverlas con observaciones.</p>
      {queue.length === 0 ? (
        <p>No hay prácticas esperando revisión.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Práctica</th>
                <th scope="col">IGED</th>
                <th scope="col">Región</th>
                <th scope="col">Enviada</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/practicas/${p.slug}`}>{p.title}</Link>
                  </td>
                  <td>{p.leadIgedName}</td>
                  <td>{p.regionName}</td>
                  <td>{p.submittedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Prácticas por revisar | Administración" }];
