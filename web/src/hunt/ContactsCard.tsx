// The people of an application: recruiter, hiring manager, interviewers, referrer; added, edited, removed.
import { useState, type FormEvent } from 'react';
import type { ContactCreateJson, ContactJson, ContactRole } from '../../../src/contract/hunt.js';
import { CONTACT_ROLES, ROLE_LABEL } from './format.js';

interface Props {
  contacts: ContactJson[];
  onAdd: (contact: ContactCreateJson) => Promise<boolean>;
  onEdit: (id: number, contact: ContactCreateJson) => Promise<boolean>;
  onDelete: (id: number) => Promise<boolean>;
}

export function ContactsCard({ contacts, onAdd, onEdit, onDelete }: Props) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  return (
    <section className="card contacts-card" aria-labelledby="contacts-heading">
      <div className="card-title-row">
        <h2 id="contacts-heading">Contacts</h2>
        {editing === null && (
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            Add a contact
          </button>
        )}
      </div>
      {contacts.length === 0 && editing === null && <p className="muted">Nobody yet.</p>}
      <ul className="contacts">
        {contacts.map((c) =>
          editing === c.id ? (
            <li key={c.id}>
              <ContactForm contact={c} onCancel={() => setEditing(null)} onSave={async (v) => (await onEdit(c.id, v)) && (setEditing(null), true)} />
            </li>
          ) : (
            <li key={c.id} className="contact">
              <div className="contact-who">
                <strong>{c.name}</strong> <span className="pill">{ROLE_LABEL[c.role]}</span>
              </div>
              <div className="contact-ways">
                {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
                {c.link && /^https?:\/\//i.test(c.link) && (
                  <a href={c.link} target="_blank" rel="noreferrer noopener">
                    {c.link.replace(/^https?:\/\/(www\.)?/i, '')}
                  </a>
                )}
              </div>
              {c.notes && <p className="contact-notes muted">{c.notes}</p>}
              <div className="actions">
                <button type="button" className="button button-small" onClick={() => setEditing(c.id)} aria-label={`Edit ${c.name}`}>
                  Edit
                </button>
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => void onDelete(c.id)}
                  aria-label={`Remove ${c.name}`}
                >
                  Remove
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' && <ContactForm onCancel={() => setEditing(null)} onSave={async (v) => (await onAdd(v)) && (setEditing(null), true)} />}
    </section>
  );
}

interface FormProps {
  contact?: ContactJson;
  onSave: (contact: ContactCreateJson) => Promise<boolean>;
  onCancel: () => void;
}

function ContactForm({ contact, onSave, onCancel }: FormProps) {
  const [name, setName] = useState(contact?.name ?? '');
  const [role, setRole] = useState<ContactRole>(contact?.role ?? 'recruiter');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [link, setLink] = useState(contact?.link ?? '');
  const [notes, setNotes] = useState(contact?.notes ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void onSave({ name: name.trim(), role, email: email.trim(), link: link.trim(), notes });
  };
  return (
    <form className="contact-form" onSubmit={submit} aria-label={contact ? `Edit ${contact.name}` : 'New contact'}>
      <label className="field">
        <span className="field-label">Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
      </label>
      <label className="field field-narrow">
        <span className="field-label">Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as ContactRole)}>
          {CONTACT_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Email</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} />
      </label>
      <label className="field">
        <span className="field-label">Link</span>
        <input type="url" value={link} onChange={(e) => setLink(e.target.value)} placeholder="https://…" maxLength={2000} />
      </label>
      <label className="field field-wide">
        <span className="field-label">Notes</span>
        <input value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={20000} />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          {contact ? 'Save' : 'Add contact'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
