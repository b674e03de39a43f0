import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NewWallPostPage } from "~/components/wall-post-pages";
import { createWallPostAction, loadNewWallPost } from "~/utils/wall-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadNewWallPost("challenge", request);
}

export async function action({ request }: ActionFunctionArgs) {
  return createWallPostAction("challenge", request);
}

export default function NewChallenge() {
  return <NewWallPostPage kind="challenge" />;
}

export const meta: MetaFunction = () => [{ title: "Publicar un desafío | Comunidad de Práctica de Gestión Educativa" }];
