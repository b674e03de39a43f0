import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { WallPostForm } from "~/components/wall-post-form";
import { createWallPostAction, loadNewWallPost } from "~/utils/wall-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadNewWallPost("initiative", request);
}

export async function action({ request }: ActionFunctionArgs) {
  return createWallPostAction("initiative", request);
}

export default function NewInitiative() {
  const { lines, igeds, regions, showRegion, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="container page">
      <p>
        <Link to="/iniciativas">Muro de iniciativas</Link>
      </p>
      <h1>Compartir una iniciativa</h1>
      <p className="lead">Comparte algo que tu equipo está probando y todavía no es una práctica. La comunidad podrá comentarla y, cuando madure, podrás convertirla en una buena práctica.</p>
      <WallPostForm
        kind="initiative"
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        lines={lines}
        igeds={igeds}
        regions={regions}
        showRegion={showRegion}
        submitLabel="Compartir iniciativa"
      />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Compartir una iniciativa | Comunidad de Práctica de Gestión Educativa" }];
