// The sections of the main navigation whose feature has not landed yet. When a feature lands, its
// own route module (e.g. practicas._index.tsx) takes the URL and this one no longer answers it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ComingSoon } from "~/components/coming-soon";
import { notFound } from "~/utils/http.server";
import { findSection } from "~/utils/sections";

export async function loader({ params }: LoaderFunctionArgs) {
  const section = findSection(`/${params.section ?? ""}`);
  if (!section || section.available) throw notFound();
  return json({ section });
}

export default function SectionInPreparation() {
  const { section } = useLoaderData<typeof loader>();
  return <ComingSoon section={section} />;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.section.title} | Comunidad de Práctica de Gestión Educativa` : "Página no encontrada" },
];
