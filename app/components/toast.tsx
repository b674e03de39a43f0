// The flash message after an action, announced politely to screen readers.
export interface ToastMessage {
  type: "success" | "error" | "info";
  message: string;
}

export function Toast({ toast }: { toast: ToastMessage | null }) {
  if (!toast) return null;
  return (
    <div className={`toast toast--${toast.type} container`} role="status">
      {toast.message}
    </div>
  );
}
