// Where a transfer stands: its status as a tag and its six stages in order, the current one marked
// for screen readers (aria-current="step") and in words, not only by colour.
import type { TransferStage } from "~/utils/transfer-labels";

export function TransferStatusTag({ status, label }: { status: string; label: string }) {
  return <span className={`tag transfer-status transfer-status--${status}`}>{label}</span>;
}

export interface StageProgressItem {
  stage: TransferStage;
  label: string;
  hint: string;
  state: "done" | "current" | "pending";
  current: boolean;
  difocaOnly: boolean;
  reachedOn: string | null;
}

const STATE_WORDS: Record<StageProgressItem["state"], string> = { done: "Cumplida", current: "Etapa actual", pending: "Pendiente" };

export function TransferStageProgress({ stages, labelledBy }: { stages: StageProgressItem[]; labelledBy?: string }) {
  return (
    <ol className="transfer-stages" aria-labelledby={labelledBy}>
      {stages.map((s, index) => (
        <li key={s.stage} className={`transfer-stages__item transfer-stages__item--${s.state}`} aria-current={s.current ? "step" : undefined}>
          <span className="transfer-stages__number" aria-hidden="true">
            {s.state === "done" ? "✓" : index + 1}
          </span>
          <span className="transfer-stages__text">
            <strong className="transfer-stages__label">{s.label}</strong>
            <span className="transfer-stages__state">
              {STATE_WORDS[s.state]}
              {s.current && s.state === "done" ? " · etapa final" : ""}
              {s.reachedOn ? ` · ${s.reachedOn}` : ""}
            </span>
            {/* The hints of the last two stages already say that DIFOCA validates them. */}
            <span className="transfer-stages__hint hint">{s.hint}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
