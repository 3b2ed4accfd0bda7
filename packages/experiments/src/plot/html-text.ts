// Escaping text for HTML pages, and the shell of a self-contained page (inline style, no scripts, no external URLs).

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const PAGE_STYLE = `
body { font: 15px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1000px; padding: 0 1rem; color: #1d2430; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dbe3; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
pre { background: #f3f5f8; padding: 0.6rem 0.8rem; overflow-x: auto; font-size: 13px; }
table { border-collapse: collapse; font-size: 14px; } th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #e1e5ea; text-align: right; }
th:first-child, td:first-child { text-align: left; } details { margin: 0.3rem 0; } summary { cursor: pointer; }
.note { color: #5a6575; font-size: 13px; }
`;

/** A whole HTML document: escaped title, inline style, and the given (already safe) body markup. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Vega's SVG documents declare the SVG namespaces, which is all the page needs to show them inline. */
export function inlineSvg(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, '');
}
