import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage");
  return json({});
}

export default function AdminHome() {
  return (
    <section className="container page">
      <h1>Administración</h1>
      <p className="lead">Herramientas del equipo de DIFOCA para gestionar la comunidad.</p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/admin/usuarios">Usuarios</Link>
          </h2>
          <p>Buscar miembros por nombre o correo, cambiar su rol y desactivar o reactivar cuentas.</p>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Administración | Comunidad de Práctica de Gestión Educativa" }];
