import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NewWallPostPage } from "~/components/wall-post-pages";
import { createWallPostAction, loadNewWallPost } from "~/utils/wall-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadNewWallPost("initiative", request);
}

export async function action({ request }: ActionFunctionArgs) {
  return createWallPostAction("initiative", request);
}

export default function NewInitiative() {
  return <NewWallPostPage kind="initiative" />;
}

export const meta: MetaFunction = () => [{ title: "Compartir una iniciativa | Comunidad de Práctica de Gestión Educativa" }];
