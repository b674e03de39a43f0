import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { WallPostForm } from "~/components/wall-post-form";
import { loadEditWallPost, updateWallPostAction } from "~/utils/wall-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadEditWallPost("challenge", request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return updateWallPostAction("challenge", request, params);
}

export default function EditChallenge() {
  const { post, lines, igeds, regions, showRegion, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="container page">
      <p>
        <Link to={post.path}>Volver al desafío</Link>
      </p>
      <h1>Editar: {post.title}</h1>
      {post.hiddenReason !== null ? (
        <div className="notice wall-hidden-notice" role="note">
          <p>
            <strong>DIFOCA ocultó esta publicación.</strong> Motivo: {post.hiddenReason || "sin motivo indicado"}
          </p>
          <p>Puedes corregirla aquí; seguirá oculta para los demás hasta que DIFOCA la restablezca.</p>
        </div>
      ) : null}
      <WallPostForm
        kind="challenge"
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        lines={lines}
        igeds={igeds}
        regions={regions}
        showRegion={showRegion}
        submitLabel="Guardar cambios"
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Editar: ${data.post.title} | Comunidad de Práctica de Gestión Educativa` : "Desafío no encontrado" },
];
