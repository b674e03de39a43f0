import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { WallPostForm } from "~/components/wall-post-form";
import { createWallPostAction, loadNewWallPost } from "~/utils/wall-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadNewWallPost("challenge", request);
}

export async function action({ request }: ActionFunctionArgs) {
  return createWallPostAction("challenge", request);
}

export default function NewChallenge() {
  const { lines, igeds, regions, showRegion, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="container page">
      <p>
        <Link to="/desafios">Muro de desafíos</Link>
      </p>
      <h1>Publicar un desafío</h1>
      <p className="lead">Cuenta un desafío de gestión que enfrenta tu equipo. Colegas de otras regiones y DIFOCA podrán hacer aportes; te avisaremos de cada uno.</p>
      <WallPostForm
        kind="challenge"
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        lines={lines}
        igeds={igeds}
        regions={regions}
        showRegion={showRegion}
        submitLabel="Publicar desafío"
      />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Publicar un desafío | Comunidad de Práctica de Gestión Educativa" }];
