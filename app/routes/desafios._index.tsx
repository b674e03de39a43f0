import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WallFeed } from "~/components/wall-feed";
import { loadWallFeed } from "~/utils/wall-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return loadWallFeed("challenge", request);
}

export default function ChallengeWall() {
  return <WallFeed data={useLoaderData<typeof loader>()} />;
}

export const meta: MetaFunction = () => [
  { title: "Muro de desafíos | Comunidad de Práctica de Gestión Educativa" },
  { name: "description", content: "Los desafíos de gestión que enfrentan las DRE/GRE, UGEL y gobiernos locales del Perú, con los aportes de colegas de otras regiones." },
];
