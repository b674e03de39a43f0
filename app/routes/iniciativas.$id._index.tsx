import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WallPostView } from "~/components/wall-post-view";
import { WALLS } from "~/utils/wall-labels";
import { handleWallPostAction, loadWallPostPage } from "~/utils/wall-thread.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadWallPostPage(request, params, "initiative");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleWallPostAction(request, params, "initiative");
}

export default function InitiativePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <WallPostView data={data} actionData={actionData} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.post.title} | ${WALLS.initiative.wallName} | Comunidad de Práctica de Gestión Educativa` : "Iniciativa no encontrada" },
  ...(data?.post.summary ? [{ name: "description", content: data.post.summary }] : []),
  ...(data?.post.hidden ? [{ name: "robots", content: "noindex" }] : []),
];
