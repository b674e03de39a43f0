// The page of one challenge or initiative: the post, what the member may do with it, and its thread.
import { Form, Link } from "@remix-run/react";
import { FormError, SelectField } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { ActionButton, actionFor, HideForm, ReportForm, WallThread } from "~/components/wall-thread";
import { CHALLENGE_STATUSES, REACTION_LABELS, WALL_STATUS_LABELS, WALLS } from "~/utils/wall-labels";
import type { WallActionData, WallPostPageData } from "~/utils/wall-thread.server";

const POST_INTENTS = [
  "react-post",
  "unreact-post",
  "follow",
  "unfollow",
  "status",
  "accompany",
  "end-accompany",
  "hide-post",
  "restore-post",
  "report",
  "convert",
];

export function WallPostView({ data, actionData }: { data: WallPostPageData; actionData: WallActionData | undefined }) {
  const { kind, post, viewer } = data;
  const words = WALLS[kind];
  const failed = actionFor(actionData, "post", POST_INTENTS);
  // A refusal that names no form of the page (e.g. an unknown action) is shown at the top.
  const stray = actionData && actionData.target === "post" && !POST_INTENTS.includes(actionData.intent) && actionData.intent !== "reply" ? actionData : undefined;
  const isChallenge = kind === "challenge";
  const open = post.hidden === null;
  const canReact = !isChallenge && Boolean(viewer?.canParticipate) && !viewer?.isAuthor && open;
  const canReport = Boolean(viewer?.canParticipate) && !viewer?.isAuthor && open;
  const thisPost = isChallenge ? "este desafío" : "esta iniciativa";

  return (
    <article className="container page wall-post">
      <p>
        <Link to={words.path}>{words.wallName}</Link>
      </p>

      {post.hidden ? (
        <div className="notice wall-hidden-notice" role="note">
          <p>
            <strong>DIFOCA ocultó esta publicación el {post.hidden.date}.</strong> Motivo: {post.hidden.reason}
          </p>
          <p>
            {viewer?.isAuthor
              ? "Solo tú y DIFOCA pueden verla. Puedes editarla para corregir lo que se señala."
              : "Solo su autor y DIFOCA pueden verla."}
          </p>
          {viewer?.canModerate ? <ActionButton intent="restore-post" label="Volver a mostrar" className="button--small" /> : null}
        </div>
      ) : null}
      <FormError message={stray?.errors.form} />

      <header className="wall-post__header">
        <h1>{post.title}</h1>
        <ul className="tags" aria-label={`Datos ${isChallenge ? "del desafío" : "de la iniciativa"}`}>
          <li className={`tag tag--status tag--${post.status}`}>{post.statusLabel}</li>
          {post.thematicLineName ? <li className="tag">{post.thematicLineName}</li> : null}
          <li className="tag">{post.regionName}</li>
        </ul>
        {post.summary ? <p className="lead">{post.summary}</p> : null}
        <p className="wall-post__byline">
          Publicado por <Link to={`/perfil/${post.authorId}`}>{post.authorName}</Link>
          {post.authorPosition ? `, ${post.authorPosition}` : ""} el {post.date}
          {post.editedDate ? ` · editado el ${post.editedDate}` : ""}
        </p>
        {post.accompaniment ? (
          <p className="wall-post__accompanied">
            <strong>{isChallenge ? "Acompañado" : "Acompañada"} por DIFOCA:</strong> {post.accompaniment.name} desde el {post.accompaniment.since}
          </p>
        ) : null}
        {post.practice ? (
          <p className="wall-post__practice">
            Se convirtió en la práctica{" "}
            {post.practice.linked ? <Link to={`/practicas/${post.practice.slug}`}>«{post.practice.title}»</Link> : `«${post.practice.title}»`}
            {post.practice.linked ? "." : ", que su equipo está preparando."}
          </p>
        ) : null}
      </header>

      <dl className="facts">
        <dt>Región</dt>
        <dd>{post.regionName}</dd>
        {post.igedName ? (
          <>
            <dt>IGED</dt>
            <dd>{post.igedName}</dd>
          </>
        ) : null}
        {post.thematicLineName ? (
          <>
            <dt>Línea temática</dt>
            <dd>{post.thematicLineName}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="cuerpo-publicacion">
        <h2 id="cuerpo-publicacion">{isChallenge ? "El desafío" : "Qué están probando"}</h2>
        <Markdown html={post.html} />
      </section>

      {post.links.length > 0 ? (
        <section aria-labelledby="enlaces">
          <h2 id="enlaces">Enlaces</h2>
          <ul className="wall-links">
            {post.links.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer nofollow" target="_blank" className="external">
                  {link}
                  <span className="visually-hidden"> (se abre en otra pestaña)</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {post.tags.length > 0 ? (
        <ul className="tags wall-tags" aria-label="Etiquetas">
          {post.tags.map((tag) => (
            <li key={tag}>
              <Link className="tag wall-tag" to={`${words.path}?etiqueta=${encodeURIComponent(tag)}`}>
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      {!isChallenge && !canReact && post.reactionCount > 0 ? (
        <p className="wall-post__reactions">
          {post.reactionCount === 1 ? "1 persona marcó" : `${post.reactionCount} personas marcaron`} «{REACTION_LABELS.post}».
        </p>
      ) : null}

      {viewer ? (
        <section className="panel wall-actions" aria-labelledby="acciones">
          <h2 id="acciones">{viewer.isAuthor ? "Tu publicación" : "Participa"}</h2>
          <FormError message={failed?.errors.form} />
          <div className="row-actions">
            {canReact ? (
              <ActionButton
                intent={viewer.reacted ? "unreact-post" : "react-post"}
                pressed={viewer.reacted}
                label={`${REACTION_LABELS.post} (${post.reactionCount})`}
              />
            ) : null}
            {viewer.canParticipate && open ? (
              <ActionButton intent={viewer.following ? "unfollow" : "follow"} label={viewer.following ? "Dejar de seguir" : `Seguir ${thisPost}`} />
            ) : null}
            {viewer.isAuthor ? (
              <Link className="button button--secondary button--small" to={`${words.path}/${post.id}/editar`}>
                Editar
              </Link>
            ) : null}
            {viewer.canAccompany && open ? (
              <ActionButton
                intent={post.accompaniment ? "end-accompany" : "accompany"}
                label={post.accompaniment ? "Terminar acompañamiento" : `Acompañar ${thisPost}`}
              />
            ) : null}
          </div>
          {viewer.canParticipate && open ? (
            <p className="hint">
              {viewer.following ? "Sigues " : "Quienes siguen "}
              {thisPost} {viewer.following ? "y recibirás" : "reciben"} un aviso cuando llega un nuevo {words.reply}.
            </p>
          ) : null}

          {isChallenge && viewer.isAuthor ? (
            <Form method="post" className="row-actions wall-status-form">
              <input type="hidden" name="intent" value="status" />
              <SelectField label="Estado del desafío" name="status" defaultValue={post.status} errors={failed?.intent === "status" ? failed.errors : undefined}>
                {CHALLENGE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {WALL_STATUS_LABELS[status]}
                  </option>
                ))}
              </SelectField>
              <button type="submit" className="button--secondary button--small">
                Cambiar estado
              </button>
            </Form>
          ) : null}

          {viewer.canConvert ? (
            <Form method="post" className="wall-convert">
              <input type="hidden" name="intent" value="convert" />
              <p className="hint">
                Si la iniciativa ya da resultados, conviértela en un borrador de práctica: se copian el título, el resumen, la línea temática, la
                IGED, lo que están probando y los enlaces. Luego lo completas y lo envías a revisión.
              </p>
              <button type="submit" className="button--small">
                Convertir en práctica
              </button>
            </Form>
          ) : null}

          {canReport ? <ReportForm context={thisPost} failed={failed?.intent === "report" ? failed : undefined} /> : null}
          {viewer.canModerate && open ? <HideForm intent="hide-post" context={thisPost} failed={failed?.intent === "hide-post" ? failed : undefined} /> : null}
        </section>
      ) : null}

      <WallThread data={data} actionData={actionData} />
    </article>
  );
}
