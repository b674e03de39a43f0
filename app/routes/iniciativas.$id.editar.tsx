import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EditWallPostPage } from "~/components/wall-post-pages";
import { loadEditWallPost, updateWallPostAction } from "~/utils/wall-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadEditWallPost("initiative", request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return updateWallPostAction("initiative", request, params);
}

export default function EditInitiative() {
  return <EditWallPostPage kind="initiative" />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Editar: ${data.post.title} | Comunidad de Práctica de Gestión Educativa` : "Iniciativa no encontrada" },
];
