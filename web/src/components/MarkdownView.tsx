// Shows Markdown rendered by lib/markdown.ts (markdown-it, then DOMPurify), loading it on first use.
// The topic page loads the renderer with its own code, so there it renders in the first paint. Anywhere
// else, until it arrives, a title shows its plain-text form (not its source with the URLs) and a block its source.
import { useEffect, useState, type ElementType } from 'react';
import { loadedMarkdown, loadMarkdown, type Markdown } from '../lib/markdownLoader.js';

function useMarkdown(): Markdown | null {
  const [markdown, setMarkdown] = useState<Markdown | null>(loadedMarkdown);
  useEffect(() => {
    if (!markdown) void loadMarkdown().then(setMarkdown, () => undefined);
  }, [markdown]);
  return markdown;
}

interface Props {
  source: string;
  /** What to show until the renderer has loaded: the plain-text form of `source` (a topic's `text`); else the source. */
  fallback?: string;
  inline?: boolean;
  as?: ElementType;
  className?: string;
}

export function MarkdownView({ source, fallback, inline = false, as: Tag = inline ? 'span' : 'div', className }: Props) {
  const markdown = useMarkdown();
  if (!markdown) {
    return (
      <Tag className={className} aria-busy="true">
        {fallback ?? source}
      </Tag>
    );
  }
  // Sanitised by DOMPurify inside renderMarkdown/renderInlineMarkdown.
  const html = inline ? markdown.renderInlineMarkdown(source) : markdown.renderMarkdown(source);
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
