// The image of a badge, generated as SVG (app/utils/badge-image.ts). Public for badges anyone can
// see; a badge still being prepared shows its image only to DIFOCA, never from a shared cache.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { countBadgeHolders, getBadgeBySlug, isBadgePublic } from "~/models/badge.server";
import { getUser } from "~/utils/auth.server";
import { badgeSvg, svgEtag } from "~/utils/badge-image";
import { browserHasVersion, notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw notFound("Esa insignia no existe.");
  const badge = await getBadgeBySlug(slug);
  if (!badge) throw notFound("Esa insignia no existe.");
  const isPublic = isBadgePublic(badge, await countBadgeHolders(badge.id));
  if (!isPublic && !can(await getUser(request), "badges.manage")) throw notFound("Esa insignia no existe.");

  const svg = badgeSvg(badge);
  const etag = svgEtag(svg);
  const headers = new Headers({
    "Content-Type": "image/svg+xml; charset=utf-8",
    // An hour in caches; after that a cheap revalidation (the name or level may have changed).
    "Cache-Control": isPublic ? "public, max-age=3600, stale-while-revalidate=86400" : "private, no-store",
    ETag: etag,
    // The SVG is data, never a page: no scripts even if opened on its own.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (browserHasVersion(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(svg, { status: 200, headers });
}
