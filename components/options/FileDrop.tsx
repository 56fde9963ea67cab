/** A file picker that also takes a file dropped on it: the reader's documents and packs both come this way. */
import { useState } from 'preact/hooks';

interface FileDropProps {
  /** The input's name. */
  name: string;
  accept: string;
  chooseLabel: string;
  /** Said while no file is chosen ("…or drop a file here."). */
  hint: string;
  /** Said once one is ("Chosen: …"). */
  chosen(name: string): string;
  file: File | null;
  onFile(file: File | null): void;
}

export function FileDrop({ name, accept, chooseLabel, hint, chosen, file, onFile }: FileDropProps) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      class={`dropzone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const dropped = e.dataTransfer?.files?.[0];
        if (dropped) onFile(dropped);
      }}
    >
      <label>
        <span>{chooseLabel}</span>
        <input type="file" name={name} accept={accept} onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <p class="hint">{file ? chosen(file.name) : hint}</p>
    </div>
  );
}
