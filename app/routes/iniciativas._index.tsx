import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WallFeed } from "~/components/wall-feed";
import { loadWallFeed } from "~/utils/wall-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadWallFeed("initiative", request);
}

export default function InitiativeWall() {
  return <WallFeed data={useLoaderData<typeof loader>()} />;
}

export const meta: MetaFunction = () => [
  { title: "Muro de iniciativas | Comunidad de Práctica de Gestión Educativa" },
  { name: "description", content: "Las iniciativas emergentes de gestión educativa que prueban las DRE/GRE, UGEL y gobiernos locales del Perú." },
];
