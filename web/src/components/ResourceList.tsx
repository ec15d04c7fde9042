// Links from the checklist. Only those the importer marked clickable (http, https, mailto) become
// links; the rest show their URL as text so a `javascript:` link can be read but never followed.
import type { ExportedResource } from '../../../src/contract/common.js';

const SAFE_LINK = /^(https?:|mailto:)/i;

export function ResourceList({ resources, label = 'Resources' }: { resources: ExportedResource[]; label?: string }) {
  if (resources.length === 0) return null;
  return (
    <ul className="resources" aria-label={label}>
      {resources.map((r, i) => (
        <li key={`${i}-${r.url}`}>
          <ResourceLink resource={r} />
        </li>
      ))}
    </ul>
  );
}

export function ResourceLink({ resource }: { resource: ExportedResource }) {
  const title = resource.title && resource.title !== resource.url ? resource.title : null;
  // The server's flag decides; the scheme check here is a second lock on the same door.
  if (resource.clickable && SAFE_LINK.test(resource.url.trim())) {
    return (
      <a className="resource-link" href={resource.url} target="_blank" rel="noopener noreferrer" title={resource.url}>
        {title ?? shortUrl(resource.url)}
      </a>
    );
  }
  return (
    <span className="resource-inert" title="Not a web link, so not clickable">
      {title ? `${title} ` : ''}
      <code>{resource.url}</code>
    </span>
  );
}

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}
