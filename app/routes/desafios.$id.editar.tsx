import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EditWallPostPage } from "~/components/wall-post-pages";
import { loadEditWallPost, updateWallPostAction } from "~/utils/wall-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadEditWallPost("challenge", request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return updateWallPostAction("challenge", request, params);
}

export default function EditChallenge() {
  return <EditWallPostPage kind="challenge" />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Editar: ${data.post.title} | Comunidad de Práctica de Gestión Educativa` : "Desafío no encontrado" },
];
