/** Escape text for HTML (the job summary is HTML and @actions/core does not escape table cells). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200d')
    .replace(/#(?=\d)/g, '#\u200d')
}
