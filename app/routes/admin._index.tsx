import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countPendingRequests } from "~/models/advisory.server";
import { countPendingTransfers } from "~/models/transfer.server";
import { countOpenReports } from "~/models/wall.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage");
  const [openReports, pendingAdvisories, pendingTransfers] = await Promise.all([countOpenReports(), countPendingRequests(), countPendingTransfers()]);
  return json({ openReports, pendingAdvisories, pendingTransfers });
}

export default function AdminHome() {
  const { openReports, pendingAdvisories, pendingTransfers } = useLoaderData<typeof loader>();
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
        <li className="card">
          <h2>
            <Link to="/admin/practicas">Prácticas por revisar</Link>
          </h2>
          <p>Publicar las prácticas que los equipos enviaron, o devolverlas con observaciones.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/promociones">Solicitudes de cambio de estadio</Link>
          </h2>
          <p>Aprobar o devolver las solicitudes de paso a los estadios intermedio y avanzado, con sus evidencias.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/reportes">Reportes de los muros</Link>
          </h2>
          <p>Revisar lo que los miembros reportaron en los muros de desafíos e iniciativas: ocultarlo con un motivo o descartar los reportes.</p>
          <p>
            <span className={openReports > 0 ? "tag tag--stage" : "tag"}>
              {openReports === 0 ? "Sin reportes pendientes" : openReports === 1 ? "1 reporte pendiente" : `${openReports} reportes pendientes`}
            </span>
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/asesorias">Solicitudes de asesoría</Link>
          </h2>
          <p>Asignar asesor y horario a las solicitudes que los equipos dejaron a DIFOCA, seguir las que esperan confirmación y ver las asesorías de las próximas dos semanas.</p>
          <p>
            <span className={pendingAdvisories > 0 ? "tag tag--stage" : "tag"}>
              {pendingAdvisories === 0
                ? "Sin solicitudes pendientes"
                : pendingAdvisories === 1
                  ? "1 solicitud pendiente"
                  : `${pendingAdvisories} solicitudes pendientes`}
            </span>
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/transferencias?estado=pendiente">Transferencias</Link>
          </h2>
          <p>Aceptar o no las solicitudes de transferencia de prácticas referentes, validar sus etapas de evaluación e institucionalización y seguir las que están en curso.</p>
          <p>
            <span className={pendingTransfers > 0 ? "tag tag--stage" : "tag"}>
              {pendingTransfers === 0
                ? "Sin solicitudes pendientes"
                : pendingTransfers === 1
                  ? "1 solicitud pendiente"
                  : `${pendingTransfers} solicitudes pendientes`}
            </span>
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/exportes">Exportaciones</Link>
          </h2>
          <p>Descargar en CSV o Excel las prácticas (con los filtros del catálogo), los miembros con sus puntos y escala, las actividades del año, las asesorías, las transferencias y la asistencia a los eventos.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/criterios">Criterios de la ruta de fortalecimiento</Link>
          </h2>
          <p>Editar los criterios que una práctica debe cumplir para pasar de estadio.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/regiones">Regiones y macrorregiones</Link>
          </h2>
          <p>Asignar cada región a su macrorregión y cambiar el nombre de las macrorregiones.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/igeds">IGED</Link>
          </h2>
          <p>Buscar las DRE/GRE, UGEL y gobiernos locales, agregar una IGED y corregir su nombre, tipo o región.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/lineas">Líneas temáticas</Link>
          </h2>
          <p>Agregar, renombrar, ordenar y desactivar las líneas temáticas de las prácticas.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/puntos">Puntos</Link>
          </h2>
          <p>Editar los puntos de cada acción y sus topes diarios, ajustar el puntaje de un miembro con su motivo y recalcular un periodo.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/insignias">Insignias</Link>
          </h2>
          <p>Crear insignias automáticas (con vista previa de quiénes las recibirían) y manuales; otorgarlas a uno o a varios miembros y revocarlas.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/admin/escalas">Escalas de la red de gestores</Link>
          </h2>
          <p>Definir los puntos y requisitos de Gestor participativo, destacado y transformador.</p>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Administración | Comunidad de Práctica de Gestión Educativa" }];
