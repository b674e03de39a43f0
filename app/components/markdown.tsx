// The one component that puts rendered markdown on a page. Its HTML always comes from
// renderMarkdown (app/utils/markdown.server.ts), which sanitizes it.
export function Markdown({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : "markdown"} dangerouslySetInnerHTML={{ __html: html }} />;
}
