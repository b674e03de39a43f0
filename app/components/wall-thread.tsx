// The thread of a wall post (contributions to a challenge, comments on an initiative) and the small
// forms its buttons are made of. Every button is a plain form post, so the page works without JavaScript;
// buttons show only what the member may do, and the server checks it again.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { FormError, TextareaField } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { REACTION_LABELS, REPORT_REASON_LABELS, REPORT_REASONS, WALLS } from "~/utils/wall-labels";
import type { WallActionData, WallPostPageData, WallReplyPageItem } from "~/utils/wall-thread.server";

/** The refused or invalid form of this target, if the last submission was one. */
export function actionFor(actionData: WallActionData | undefined, target: string, intents?: string[]): WallActionData | undefined {
  if (!actionData || actionData.target !== target) return undefined;
  if (intents && !intents.includes(actionData.intent)) return undefined;
  return actionData;
}

interface ActionButtonProps {
  intent: string;
  label: string;
  replyId?: number;
  /** For a toggle: whether it is on. */
  pressed?: boolean;
  /** Read by screen readers after the label, e.g. "del aporte de Ana". */
  context?: string;
  className?: string;
}

/** One button that posts one intent. */
export function ActionButton({ intent, label, replyId, pressed, context, className = "button--secondary button--small" }: ActionButtonProps) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      {replyId !== undefined ? <input type="hidden" name="replyId" value={replyId} /> : null}
      <button type="submit" className={className} aria-pressed={pressed}>
        {label}
        {context ? <span className="visually-hidden"> {context}</span> : null}
      </button>
    </Form>
  );
}

/** DIFOCA hides a post or a reply; the reason is required because its author reads it. */
export function HideForm({ intent, replyId, context, failed }: { intent: "hide-post" | "hide-reply"; replyId?: number; context: string; failed?: WallActionData }) {
  return (
    <details className="wall-details" open={failed ? true : undefined}>
      <summary>
        Ocultar<span className="visually-hidden"> {context}</span>
      </summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value={intent} />
        {replyId !== undefined ? <input type="hidden" name="replyId" value={replyId} /> : null}
        <TextareaField
          label="Motivo (su autor lo leerá)"
          name="reason"
          rows={3}
          maxLength={500}
          required
          defaultValue={failed?.values.reason}
          errors={failed?.errors}
          hint="Dejará de verse para los demás y se revertirán los puntos que ganó."
        />
        <button type="submit" className="button--danger button--small">
          Ocultar
        </button>
      </Form>
    </details>
  );
}

/** A member reports a post or a reply to DIFOCA. */
export function ReportForm({ replyId, context, failed }: { replyId?: number; context: string; failed?: WallActionData }) {
  const id = useId();
  const reasonError = failed?.errors.reason;
  return (
    <details className="wall-details" open={failed ? true : undefined}>
      <summary>
        Reportar<span className="visually-hidden"> {context}</span>
      </summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="report" />
        {replyId !== undefined ? <input type="hidden" name="replyId" value={replyId} /> : null}
        <fieldset className="fieldset" aria-describedby={reasonError ? `${id}-error` : undefined}>
          <legend>¿Por qué lo reportas?</legend>
          {REPORT_REASONS.map((reason) => (
            <div className="field--checkbox" key={reason}>
              <input type="radio" id={`${id}-${reason}`} name="reason" value={reason} required defaultChecked={failed?.values.reason === reason} />
              <label htmlFor={`${id}-${reason}`}>{REPORT_REASON_LABELS[reason]}</label>
            </div>
          ))}
          {reasonError ? (
            <p id={`${id}-error`} className="field-error">
              {reasonError}
            </p>
          ) : null}
        </fieldset>
        <TextareaField label="Detalle (opcional)" name="details" rows={3} maxLength={1000} defaultValue={failed?.values.details} errors={failed?.errors} />
        <p className="hint">Solo DIFOCA verá tu reporte.</p>
        <button type="submit" className="button--secondary button--small">
          Enviar reporte
        </button>
      </Form>
    </details>
  );
}

function ReplyItem({ data, reply, actionData }: { data: WallPostPageData; reply: WallReplyPageItem; actionData: WallActionData | undefined }) {
  const { kind, post, viewer } = data;
  const words = WALLS[kind];
  const failed = actionFor(actionData, reply.anchor);
  const isOwn = viewer?.id === reply.authorId;
  const open = !post.hidden && !reply.hidden;
  const canReact = Boolean(viewer?.canParticipate) && !isOwn && open;
  const canMarkUseful = kind === "challenge" && Boolean(viewer?.isAuthor) && !isOwn && open;
  const canReport = Boolean(viewer?.canParticipate) && !isOwn && open;
  const whose = `(${words.reply} de ${reply.authorName})`;
  const classes = ["wall-reply", "card", reply.useful ? "wall-reply--useful" : "", reply.hidden ? "wall-reply--hidden" : ""].filter(Boolean).join(" ");

  return (
    <li id={reply.anchor} className={classes}>
      <p className="wall-reply__meta">
        <Link to={`/perfil/${reply.authorId}`} className="wall-reply__author">
          {reply.authorName}
        </Link>
        {reply.authorRegionName ? ` · ${reply.authorRegionName}` : null}
        {` · ${reply.date}`}
        {reply.edited ? " (editado)" : null}
        {reply.useful ? <span className="tag tag--ok">Aporte útil</span> : null}
      </p>
      {reply.hidden ? (
        <div className="notice wall-hidden-notice" role="note">
          <p>
            <strong>{isOwn ? `DIFOCA ocultó tu ${words.reply}.` : "Oculto por DIFOCA."}</strong> Motivo: {reply.hiddenReason}
          </p>
          <p>{isOwn ? "Solo tú y DIFOCA lo ven." : "Solo su autor y DIFOCA lo ven."}</p>
        </div>
      ) : null}
      <FormError message={failed?.errors.form} />
      <Markdown html={reply.html} />
      <div className="row-actions">
        {canReact ? (
          <ActionButton
            intent={reply.viewerReacted ? "unreact-reply" : "react-reply"}
            replyId={reply.id}
            pressed={reply.viewerReacted}
            label={`${REACTION_LABELS.reply} (${reply.reactionCount})`}
            context={whose}
          />
        ) : reply.reactionCount > 0 ? (
          <span className="wall-reply__count">
            {REACTION_LABELS.reply} ({reply.reactionCount})
          </span>
        ) : null}
        {canMarkUseful ? (
          <ActionButton intent={reply.useful ? "not-useful" : "useful"} replyId={reply.id} label={reply.useful ? "Quitar marca" : "Marcar como útil"} context={whose} />
        ) : null}
        {viewer?.canModerate && reply.hidden ? <ActionButton intent="restore-reply" replyId={reply.id} label="Volver a mostrar" context={whose} /> : null}
      </div>
      {isOwn && reply.body !== null ? (
        <details className="wall-details" open={failed?.intent === "edit-reply" ? true : undefined}>
          <summary>
            Editar<span className="visually-hidden"> tu {words.reply}</span>
          </summary>
          <Form method="post" className="form form--wide">
            <input type="hidden" name="intent" value="edit-reply" />
            <input type="hidden" name="replyId" value={reply.id} />
            <TextareaField
              label={`Tu ${words.reply}`}
              name="body"
              rows={5}
              maxLength={5000}
              required
              defaultValue={failed?.intent === "edit-reply" ? failed.values.body : reply.body}
              errors={failed?.intent === "edit-reply" ? failed.errors : undefined}
            />
            <button type="submit" className="button--small">
              Guardar cambios
            </button>
          </Form>
        </details>
      ) : null}
      {canReport ? <ReportForm replyId={reply.id} context={whose} failed={failed?.intent === "report" ? failed : undefined} /> : null}
      {viewer?.canModerate && !reply.hidden ? <HideForm intent="hide-reply" replyId={reply.id} context={whose} failed={failed?.intent === "hide-reply" ? failed : undefined} /> : null}
    </li>
  );
}

export function WallThread({ data, actionData }: { data: WallPostPageData; actionData: WallActionData | undefined }) {
  const { kind, post, viewer, replies, path } = data;
  const words = WALLS[kind];
  const navigation = useNavigation();
  const failed = actionFor(actionData, "post", ["reply"]);
  const posting = navigation.state === "submitting" && navigation.formData?.get("intent") === "reply";
  const count = replies.filter((r) => !r.hidden).length;

  return (
    <section className="wall-thread" aria-labelledby="hilo">
      <h2 id="hilo">
        {count} {count === 1 ? words.reply : words.replies}
      </h2>
      {replies.length === 0 ? (
        <p>{kind === "challenge" ? "Aún no hay aportes. ¿Tienes una idea o una experiencia que pueda servir?" : "Aún no hay comentarios."}</p>
      ) : (
        <ol className="wall-thread__list">
          {replies.map((reply) => (
            <ReplyItem key={reply.id} data={data} reply={reply} actionData={actionData} />
          ))}
        </ol>
      )}

      {post.hidden ? (
        <p className="hint">Mientras la publicación esté oculta no se pueden agregar {words.replies}.</p>
      ) : viewer?.canParticipate ? (
        // A new key after each published reply empties the form; a refused one keeps what was typed.
        <div className="wall-reply-form" key={replies.length}>
          <h3 id="responder">{kind === "challenge" ? "Comparte tu aporte" : "Deja un comentario"}</h3>
          <Form method="post" className="form form--wide" aria-labelledby="responder">
            <input type="hidden" name="intent" value="reply" />
            <FormError message={failed?.errors.form} />
            <TextareaField
              label={`Tu ${words.reply}`}
              name="body"
              rows={6}
              maxLength={5000}
              required
              defaultValue={failed?.values.body}
              errors={failed?.errors}
              hint="Puedes usar Markdown: **negrita**, listas con guiones y enlaces."
            />
            <button type="submit" disabled={posting}>
              {posting ? "Publicando…" : words.replyAction}
            </button>
          </Form>
        </div>
      ) : viewer === null ? (
        <p className="notice">
          ¿Quieres sumar tu experiencia? <Link to={`/ingresar?redirectTo=${encodeURIComponent(path)}`}>Ingresa para aportar</Link>.
        </p>
      ) : null}
    </section>
  );
}
