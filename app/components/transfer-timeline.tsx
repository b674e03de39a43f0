// The history of a transfer (every step, oldest first, with its date, who did it and the note) and
// its evidence grouped by stage. Notes are plain text: line breaks are kept by the stylesheet.

export interface TransferEvidenceItem {
  id: number;
  kind: "archivo" | "enlace";
  title: string;
  href: string;
  description: string;
  fileName: string | null;
  uploaderName: string;
  addedOn: string;
}

export interface TransferStepItem {
  id: number;
  type: string;
  label: string;
  date: string;
  dateTime: string;
  actorName: string | null;
  note: string;
  evidence: TransferEvidenceItem[];
}

export function TransferEvidenceLink({ item }: { item: TransferEvidenceItem }) {
  if (item.kind === "enlace") {
    return (
      <a href={item.href} target="_blank" rel="noopener noreferrer">
        {item.title}
        <span className="visually-hidden"> (enlace, se abre en otra pestaña)</span>
      </a>
    );
  }
  // A plain <a>, not <Link>: the file is not a page of the app.
  return <a href={item.href}>{item.title}</a>;
}

export function TransferTimeline({ steps }: { steps: TransferStepItem[] }) {
  if (steps.length === 0) return <p>Todavía no hay pasos registrados.</p>;
  return (
    <ol className="timeline transfer-timeline">
      {steps.map((step) => (
        <li key={step.id} className={`timeline__item transfer-timeline__item--${step.type}`}>
          <p className="timeline__date">
            <time dateTime={step.dateTime}>{step.date}</time>
          </p>
          <p className="timeline__what">
            <strong>{step.label}</strong>
            {step.actorName ? <span className="hint"> · {step.actorName}</span> : null}
          </p>
          {step.note ? <p className="timeline__note transfer-note">{step.note}</p> : null}
          {step.evidence.length > 0 ? (
            <ul className="transfer-timeline__evidence">
              {step.evidence.map((item) => (
                <li key={item.id}>
                  Evidencia: <TransferEvidenceLink item={item} /> <span className="hint">· {item.description}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function TransferEvidenceByStage({ groups }: { groups: { stage: string; label: string; items: TransferEvidenceItem[] }[] }) {
  if (groups.length === 0) return <p className="hint">Esta transferencia aún no tiene evidencias.</p>;
  return (
    <>
      {groups.map((group) => (
        <section key={group.stage} aria-labelledby={`evidencias-${group.stage}`} className="transfer-evidence__group">
          <h3 id={`evidencias-${group.stage}`}>{group.label}</h3>
          <ul className="evidence-list">
            {group.items.map((item) => (
              <li key={item.id}>
                <TransferEvidenceLink item={item} />
                <br />
                <span className="hint">
                  {item.description}
                  {item.fileName ? ` · ${item.fileName}` : ""} · Agregada por {item.uploaderName} el {item.addedOn}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
