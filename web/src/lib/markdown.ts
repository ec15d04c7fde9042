// User Markdown to safe HTML. Loaded with import() by the pages that need it, so the checklist's
// first load carries neither markdown-it nor DOMPurify.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

// Raw HTML in a checklist is shown as text: nothing from the file or the notes ever becomes markup of its own.
const md = new MarkdownIt({ html: false, linkify: true, breaks: false });

const SAFE_LINK = /^(https?:|mailto:)/i;

// DOMPurify already drops javascript: URLs; this also keeps data:, file: and relative links from being
// clickable, and opens every link in a new tab without handing it this window.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href.trim())) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    // Images from notes would load on every view and leak that the page was opened; show their text instead.
    node.replaceWith(document.createTextNode(node.getAttribute('alt') ?? ''));
  }
});

const PURIFY_OPTIONS = { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input', 'button'] };

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(md.render(source), PURIFY_OPTIONS);
}

export function renderInlineMarkdown(source: string): string {
  return DOMPurify.sanitize(md.renderInline(source), PURIFY_OPTIONS);
}
