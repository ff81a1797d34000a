/**
 * A small modal that asks before doing something that cannot be taken back (showing a solution,
 * removing an object). Built on <dialog>: focus is trapped, Escape cancels, and focus returns
 * to where it was.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './ui.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'accent' | 'danger';
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/** Mounted only while open, so closed dialogs leave nothing in the page. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'accent',
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <h2 className="confirm-title">{title}</h2>
        <div className="confirm-body">{children}</div>
        <div className="confirm-actions">
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {cancelLabel}
          </button>
          <button type="submit" className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
