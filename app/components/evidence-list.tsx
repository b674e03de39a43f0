// The evidence of a practice as people read it: files to open or download, and links.
import { formatDate } from "~/utils/dates";
// Also the Spanish names of the accepted file types, used on the server too (this module runs
// in the browser, so it must stay free of server-only imports).

export interface EvidenceListItem {
  id: number;
  kind: "archivo" | "enlace";
  title: string;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  /** ISO-8601, as stored. */
  createdAt: string;
}

/** The short Spanish name of each file type the platform accepts, by its MIME type. */
export const FILE_TYPE_LABELS: Readonly<Record<string, string>> = {
  "application/pdf": "PDF",
  "image/png": "Imagen PNG",
  "image/jpeg": "Imagen JPG",
  "image/gif": "Imagen GIF",
  "image/webp": "Imagen WEBP",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Documento Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Hoja de cálculo Excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "Presentación PowerPoint",
  "application/msword": "Documento Word",
  "application/vnd.ms-excel": "Hoja de cálculo Excel",
  "application/vnd.ms-powerpoint": "Presentación PowerPoint",
  "application/vnd.oasis.opendocument.text": "Documento OpenDocument",
  "application/vnd.oasis.opendocument.spreadsheet": "Hoja de cálculo OpenDocument",
  "application/vnd.oasis.opendocument.presentation": "Presentación OpenDocument",
};

/** For a file input's `accept`: the browser's file picker suggests these; the server decides. */
export const EVIDENCE_FILE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp";

export function fileTypeLabel(mimeType: string | null): string {
  return (mimeType && FILE_TYPE_LABELS[mimeType]) || "Archivo";
}

const sizeFormat = new Intl.NumberFormat("es-PE", { maximumFractionDigits: 1 });

/** "850 KB", "2.3 MB" (es-PE writes decimals with a point). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** "PDF · 2.3 MB" for a file, "Enlace" for a link. */
export function describeEvidence(item: Pick<EvidenceListItem, "kind" | "mimeType" | "sizeBytes">): string {
  if (item.kind === "enlace") return "Enlace";
  const label = fileTypeLabel(item.mimeType);
  return item.sizeBytes === null ? label : `${label} · ${formatFileSize(item.sizeBytes)}`;
}

export function evidenceHref(item: Pick<EvidenceListItem, "id" | "kind" | "url">): string {
  return item.kind === "enlace" && item.url ? item.url : `/evidencias/${item.id}`;
}

/** One evidence's link; the page decides what goes around it (dates, delete buttons). */
export function EvidenceLink({ item }: { item: EvidenceListItem }) {
  if (item.kind === "enlace") {
    return (
      <a href={evidenceHref(item)} target="_blank" rel="noopener noreferrer">
        {item.title}
        <span className="visually-hidden"> (se abre en otra pestaña)</span>
      </a>
    );
  }
  // A plain <a>, not <Link>: the file is not a page of the app.
  return <a href={evidenceHref(item)}>{item.title}</a>;
}

export function EvidenceList({ items }: { items: EvidenceListItem[] }) {
  if (items.length === 0) return <p className="hint">Esta práctica aún no tiene evidencias.</p>;
  return (
    <ul className="evidence-list">
      {items.map((item) => (
        <li key={item.id}>
          <EvidenceLink item={item} />
          <span className="hint">
            {" "}
            · {describeEvidence(item)}
            {item.kind === "archivo" && item.fileName ? ` · ${item.fileName}` : null} · {formatDate(item.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
