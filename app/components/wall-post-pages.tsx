// The pages that write a wall post, new and edited, shared by both walls: their routes only say
// which wall they are.
import type { SerializeFrom } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { WallPostForm } from "~/components/wall-post-form";
import type { createWallPostAction, loadEditWallPost, loadNewWallPost, updateWallPostAction } from "~/utils/wall-pages.server";
import { WALLS, type WallKind } from "~/utils/wall-labels";

const INTRO: Record<WallKind, string> = {
  challenge: "Cuenta un desafío de gestión que enfrenta tu equipo. Colegas de otras regiones y DIFOCA podrán hacer aportes; te avisaremos de cada uno.",
  initiative:
    "Comparte algo que tu equipo está probando y todavía no es una práctica. La comunidad podrá comentarla y, cuando madure, podrás convertirla en una buena práctica.",
};

const SUBMIT: Record<WallKind, string> = { challenge: "Publicar desafío", initiative: "Compartir iniciativa" };
const BACK: Record<WallKind, string> = { challenge: "Volver al desafío", initiative: "Volver a la iniciativa" };

export function NewWallPostPage({ kind }: { kind: WallKind }) {
  const { lines, igeds, regions, showRegion, values } = useLoaderData<SerializeFrom<typeof loadNewWallPost>>();
  const actionData = useActionData<SerializeFrom<typeof createWallPostAction>>();
  const words = WALLS[kind];
  return (
    <section className="container page">
      <p>
        <Link to={words.path}>{words.wallName}</Link>
      </p>
      <h1>{words.newLabel}</h1>
      <p className="lead">{INTRO[kind]}</p>
      <WallPostForm
        kind={kind}
        values={actionData?.values ?? values}
        errors={actionData?.errors}
        lines={lines}
        igeds={igeds}
        regions={regions}
        showRegion={showRegion}
        submitLabel={SUBMIT[kind]}
      />
    </section>
  );
}

export function EditWallPostPage({ kind }: { kind: WallKind }) {
  const { post, lines, igeds, regions, showRegion, values } = useLoaderData<SerializeFrom<typeof loadEditWallPost>>();
  const actionData = useActionData<SerializeFrom<typeof updateWallPostAction>>();
  return (
    <section className="container page">
      <p>
        <Link to={post.path}>{BACK[kind]}</Link>
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
        kind={kind}
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
