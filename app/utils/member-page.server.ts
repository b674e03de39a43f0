// The member a profile page is about (/perfil/:id and its points history), as the reader may see
// them: a deactivated member's pages are gone for everyone but DIFOCA.
import type { Params } from "@remix-run/react";
import { getMember, type Member } from "~/models/user.server";
import { getUser, type CurrentUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { can } from "~/utils/permissions.server";

export async function loadVisibleMember(request: Request, params: Params): Promise<{ viewer: CurrentUser | null; member: Member; isOwnProfile: boolean }> {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound("Ese perfil no existe.");
  const [viewer, member] = await Promise.all([getUser(request), getMember(id)]);
  if (!member || (!member.active && !can(viewer, "users.view_inactive"))) throw notFound("Ese perfil no existe.");
  return { viewer, member, isOwnProfile: viewer?.id === member.id };
}
