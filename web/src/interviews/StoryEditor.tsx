// A STAR story: its title, situation, task, action and result (Markdown, with a preview), tags, and the
// competencies it answers. A new story and a stored one use the same form.
import { useDeferredValue, useState, type FormEvent } from 'react';
import type { CompetencyJson, StoryCreateJson, StoryJson } from '../../../src/contract/interviews.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { CheckChips } from './CheckChips.js';

export const STAR = [
  { key: 'situation', label: 'Situation', hint: 'Where and when; what was at stake.' },
  { key: 'task', label: 'Task', hint: 'What you had to do.' },
  { key: 'action', label: 'Action', hint: 'What you did, in the first person.' },
  { key: 'result', label: 'Result', hint: 'What came of it, in numbers if you can; what you learned.' },
] as const;
type StarKey = (typeof STAR)[number]['key'];

interface Props {
  story: StoryJson | null;
  competencies: CompetencyJson[];
  /** A new story's first competency (from the matrix's empty row). */
  competency?: string | undefined;
  onSave: (fields: StoryCreateJson) => Promise<boolean>;
  onCancel: () => void;
}

export function StoryEditor({ story, competencies, competency, onSave, onCancel }: Props) {
  const [title, setTitle] = useState(story?.title ?? '');
  const [star, setStar] = useState<Record<StarKey, string>>({
    situation: story?.situation ?? '',
    task: story?.task ?? '',
    action: story?.action ?? '',
    result: story?.result ?? '',
  });
  const [tags, setTags] = useState((story?.tags ?? []).join(', '));
  const [chosen, setChosen] = useState<string[]>(story?.competencies ?? (competency ? [competency] : []));
  const [preview, setPreview] = useState(false);
  const shown = useDeferredValue(star);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    const tagList = [
      ...new Set(
        tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    await onSave({ title: title.trim(), ...star, tags: tagList, competencies: chosen });
  };
  return (
    <form className="story-editor" onSubmit={(e) => void submit(e)} aria-label={story ? `Edit ${story.title}` : 'New story'}>
      <label className="field field-wide">
        <span className="field-label">Title</span>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={300}
          required
          autoFocus={!story}
          placeholder="Shipping the billing migration in two weeks"
        />
      </label>
      <div className="star-fields">
        {STAR.map(({ key, label, hint }) => (
          <div key={key} className="star-field">
            <label className="field">
              <span className="field-label">
                {label} <span className="field-hint muted">{hint}</span>
              </span>
              <textarea value={star[key]} onChange={(e) => setStar({ ...star, [key]: e.target.value })} rows={3} maxLength={20_000} />
            </label>
            {preview && shown[key].trim() !== '' && <MarkdownView source={shown[key]} className="markdown star-preview" />}
          </div>
        ))}
      </div>
      <label className="check-field">
        <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.target.checked)} /> Preview the Markdown
      </label>
      <CheckChips
        legend="Competencies it answers"
        className="story-competencies"
        options={competencies.map((c) => ({ value: c.key, label: c.label }))}
        chosen={chosen}
        onChange={setChosen}
      />
      <label className="field field-wide">
        <span className="field-label">Tags (comma-separated)</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="payments, team lead" />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!title.trim()}>
          {story ? 'Save the story' : 'Add the story'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
