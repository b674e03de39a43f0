// The outlines of Peru's 26 regions, which every map of the platform draws with <use> (ADR 015).
// Under its versioned address (?v=, as the maps link it) the file never changes: cached for good.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { browserHasVersion } from "~/utils/http.server";
import { regionSprite } from "~/utils/peru-map.server";

export function loader({ request }: LoaderFunctionArgs) {
  const { svg, version } = regionSprite();
  const current = new URL(request.url).searchParams.get("v") === version;
  const etag = `"${version}"`;
  const headers = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=3600",
    ETag: etag,
  };
  // After the hour, a browser that still holds these outlines asks again: no need to send them.
  if (browserHasVersion(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers });
}
