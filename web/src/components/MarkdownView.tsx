// Shows Markdown rendered by lib/markdown.ts (markdown-it, then DOMPurify), loading it on first use.
// Until it arrives the plain source is shown, so the space is taken and nothing jumps.
import { useEffect, useState, type ElementType } from 'react';

type Markdown = typeof import('../lib/markdown.js');
let loaded: Markdown | null = null;
let loading: Promise<Markdown> | null = null;

function loadMarkdown(): Promise<Markdown> {
  loading ??= import('../lib/markdown.js').then((m) => (loaded = m));
  return loading;
}

function useMarkdown(): Markdown | null {
  const [markdown, setMarkdown] = useState<Markdown | null>(loaded);
  useEffect(() => {
    if (!markdown) void loadMarkdown().then(setMarkdown);
  }, [markdown]);
  return markdown;
}

interface Props {
  source: string;
  inline?: boolean;
  as?: ElementType;
  className?: string;
}

export function MarkdownView({ source, inline = false, as: Tag = inline ? 'span' : 'div', className }: Props) {
  const markdown = useMarkdown();
  if (!markdown) return <Tag className={className}>{source}</Tag>;
  // Sanitised by DOMPurify inside renderMarkdown/renderInlineMarkdown.
  const html = inline ? markdown.renderInlineMarkdown(source) : markdown.renderMarkdown(source);
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
