/**
 * A modal dialog of the Sources view (the native <dialog>: focus kept inside, Escape closes, the
 * page behind inert), titled so a screen reader and a test find it by its name.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface SourceDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
}

export function SourceDialog({ title, onClose, children, actions }: SourceDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="panel source-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h3 id={titleId}>{title}</h3>
      {children}
      <div className="source-dialog__actions">{actions}</div>
    </dialog>
  );
}
