/** Browser mode's "Save a copy as…": a path beside the study, edited in place. */
import { useState, type FormEvent } from 'react';

interface SaveCopyFormProps {
  suggestedPath: string;
  onSave: (path: string) => void;
  onCancel: () => void;
}

export function SaveCopyForm({ suggestedPath, onSave, onCancel }: SaveCopyFormProps) {
  const [path, setPath] = useState(suggestedPath);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(path.trim());
  };
  return (
    <form className="inline-form panel" onSubmit={submit} aria-label="Save a copy">
      <label className="field field--wide">
        <span>Save a copy as</span>
        <input value={path} onChange={(event) => setPath(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!/\.cew$/i.test(path.trim())}>
        Save copy
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
