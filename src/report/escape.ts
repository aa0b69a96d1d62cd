/** Text and attribute escaping for the HTML and SVG the report builds by hand. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** An id safe in `id=""`, `href="#…"` and `url(#…)` (unit ids such as `wathiqoon>badr-sadr` are not). */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}`);
}

/** Numbers in SVG coordinates: two decimals are below a pixel at any sensible size and keep files small. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Arabic text isolated from its English surroundings, rendered right to left. */
export function arabic(text: string | undefined): string {
  return text ? `<bdi dir="rtl" lang="ar">${escapeHtml(text)}</bdi>` : '';
}
