// Import a checklist: pick, drop or paste the Markdown, preview what will change, then apply.
import { useQuery } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import type { ImportRequestJson, TopicsChoice } from '../../../src/contract/imports.js';
import { ImportPreview } from '../components/ImportPreview.js';
import { errorMessage } from '../lib/api.js';
import { checklistsQuery, useApplyImport, usePreviewImport } from '../queries/checklists.js';
import { rememberChecklist } from '../lib/lastChecklist.js';
import { hrefFor, navigate } from '../lib/router.js';
import { ErrorLine } from '../components/ErrorLine.js';

/** The server refuses more (413); saying so before uploading saves the wait. */
const MAX_BYTES = 10 * 1024 * 1024;

/** The checklist name the server would derive from a file name (app/import/import-checklist.ts). */
export function nameFromFileName(fileName: string): string {
  const slug = fileName
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'checklist';
}

/** The file as UTF-8 text, or a sentence saying why it is not a checklist. */
async function readChecklistFile(file: File): Promise<string> {
  if (file.size > MAX_BYTES) throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; checklists up to 10 MB can be imported.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new Error(`${file.name} is not a text file (it holds binary data); pick the .md file of your checklist.`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error(`${file.name} is not UTF-8 text; save it as UTF-8 and try again.`);
  }
}

interface Props {
  current: string | null;
}

export function ImportPage({ current }: Props) {
  // The open checklist by its title, as the header and the picker name it; its name is what the Name field takes.
  const currentTitle = useQuery(checklistsQuery()).data?.checklists.find((c) => c.name === current)?.title || current;
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [topics, setTopics] = useState<TopicsChoice>('auto');
  // A file that cannot be read, or nothing to preview.
  const [inputError, setInputError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // The preview shown is the answer to the latest Preview, with the very request it answers (`variables`):
  // Apply sends that, never what the fields hold now. An edit resets it, so an answer for older fields is dropped.
  const preview = usePreviewImport();
  const applying = useApplyImport();
  const shown = preview.data && preview.variables ? { request: preview.variables, result: preview.data } : null;
  // Busy until the checklist opens, so the button never comes back in between.
  const busy = preview.isPending ? 'preview' : applying.isPending || applying.isSuccess ? 'apply' : null;
  const error = inputError ?? (preview.error ? errorMessage(preview.error) : applying.error ? errorMessage(applying.error) : null);

  const request = (): ImportRequestJson => ({
    text,
    ...(fileName ? { fileName } : {}),
    ...(name.trim() ? { name: name.trim() } : {}),
    topics,
  });
  // Any edit makes the preview stale: Apply must only ever apply what was previewed.
  const changed = () => {
    preview.reset();
    applying.reset();
    setInputError(null);
  };

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    changed();
    try {
      const content = await readChecklistFile(file);
      setText(content);
      setFileName(file.name);
      setName(nameFromFileName(file.name));
      // Reading took a while: a preview asked for meanwhile was for the old text.
      changed();
    } catch (e) {
      setInputError(errorMessage(e));
    }
  };

  const runPreview = () => {
    if (!text.trim()) {
      setInputError('Choose a file or paste the checklist first.');
      return;
    }
    setInputError(null);
    applying.reset();
    preview.mutate(request());
  };

  const apply = async (previewed: ImportRequestJson) => {
    setInputError(null);
    try {
      const result = await applying.mutateAsync(previewed);
      // What was just imported is what `/` opens from now on in this browser.
      rememberChecklist(result.checklist.name);
      navigate(hrefFor('/checklist', result.checklist.name));
    } catch {
      // Shown from the mutation's error.
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void takeFile(event.dataTransfer.files[0]);
  };

  return (
    <div className="page import-page">
      <header className="page-header">
        <h1>Import a checklist</h1>
        <p className="page-subtitle">
          Your Markdown file is only read. Importing again under the same name keeps all progress
          {current && (
            <>
              {' '}
              (“{currentTitle}” is under the name <code>{current}</code>)
            </>
          )}
          .
        </p>
      </header>
      <section className="card">
        <div
          className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label className="button" htmlFor="import-file">
            Choose a .md file
          </label>
          <input
            id="import-file"
            className="visually-hidden-input"
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            onChange={(e) => void takeFile(e.target.files?.[0])}
          />
          <span className="muted">
            {fileName ? (
              `Loaded ${fileName}`
            ) : (
              // No dragging a file on a touch screen: there it reads "or paste it below".
              <>
                or <span className="key-hint">drop it here, or </span>paste it below
              </>
            )}
          </span>
        </div>
        <label className="field">
          <span className="field-label">Markdown</span>
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              changed();
            }}
            rows={8}
            placeholder={'# Python\n* iterators and generators\n* asyncio'}
            spellCheck={false}
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span className="field-label">Name</span>
            <input
              type="text"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                changed();
              }}
              placeholder={fileName ? nameFromFileName(fileName) : 'from the file name'}
            />
          </label>
          <label className="field">
            <span className="field-label">Topics are</span>
            <select
              value={topics}
              onChange={(e) => {
                setTopics(e.target.value as TopicsChoice);
                changed();
              }}
            >
              <option value="auto">chosen automatically</option>
              <option value="all">every list item</option>
              <option value="tasks">task items only</option>
              <option value="headings">leaf headings</option>
            </select>
          </label>
        </div>
        <ErrorLine>{error}</ErrorLine>
        <div className="actions">
          <button type="button" className="button button-primary" onClick={runPreview} disabled={busy !== null}>
            {busy === 'preview' ? 'Reading…' : 'Preview'}
          </button>
        </div>
      </section>
      {shown && (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">What will change</h2>
          <ImportPreview result={shown.result} />
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => void apply(shown.request)} disabled={busy !== null}>
              {busy === 'apply'
                ? 'Importing…'
                : shown.result.created
                  ? `Import as “${shown.result.checklist.name}”`
                  : `Apply to “${shown.result.checklist.name}”`}
            </button>
            <button type="button" className="button" onClick={() => preview.reset()} disabled={busy !== null}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
