/** Bar charts in plain SVG: the distribution of the focus bloc's governorships, and probability bars. */
import { coord, escapeHtml } from './escape.js';

export function percent(value: number): string {
  if (Number.isNaN(value)) return '–';
  if (value === 0 || value === 1) return `${value * 100}%`;
  const shown = value * 100;
  return shown < 0.1 ? '<0.1%' : shown > 99.9 ? '>99.9%' : `${shown.toFixed(1)}%`;
}

/** A vertical bar per k with its probability printed above it. */
export function distributionChart(distribution: readonly { readonly k: number; readonly value: number }[], bloc: string, id: string): string {
  const width = 400;
  const height = 200;
  const left = 36;
  const bottom = 30;
  const top = 22;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const step = plotWidth / Math.max(1, distribution.length);
  const bar = Math.min(step * 0.7, 48);
  const out: string[] = [];
  const summary = distribution.map((entry) => `${entry.k}: ${percent(entry.value)}`).join(', ');
  out.push(
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" class="chart">`,
    `<title id="${id}-t">${escapeHtml(`Distribution of the number of governorships ${bloc} wins`)}</title>`,
    `<desc id="${id}-d">${escapeHtml(`Probability of each number of governorships: ${summary}.`)}</desc>`,
  );
  for (const tick of [0, 0.5, 1]) {
    const y = top + plotHeight * (1 - tick);
    out.push(
      `<line x1="${left}" x2="${width - 8}" y1="${coord(y)}" y2="${coord(y)}" stroke="#bbb" stroke-width="1"/>`,
      `<text x="${left - 4}" y="${coord(y + 4)}" text-anchor="end" font-size="11" fill="#333" font-family="system-ui, sans-serif">${tick * 100}%</text>`,
    );
  }
  distribution.forEach((entry, i) => {
    const x = left + step * i + (step - bar) / 2;
    const h = Number.isNaN(entry.value) ? 0 : plotHeight * entry.value;
    const y = top + plotHeight - h;
    out.push(
      `<rect x="${coord(x)}" y="${coord(y)}" width="${coord(bar)}" height="${coord(Math.max(h, 0.5))}" fill="#1f5fa8" data-k="${entry.k}" data-p="${entry.value}"><title>${escapeHtml(`${entry.k} governorships: ${percent(entry.value)}`)}</title></rect>`,
      `<text x="${coord(x + bar / 2)}" y="${coord(y - 4)}" text-anchor="middle" font-size="11" fill="#111" font-family="system-ui, sans-serif">${percent(entry.value)}</text>`,
      `<text x="${coord(x + bar / 2)}" y="${height - bottom + 16}" text-anchor="middle" font-size="12" fill="#111" font-family="system-ui, sans-serif">${entry.k}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

/** A horizontal probability bar with its value, for table cells. */
export function probabilityBar(value: number, label: string): string {
  const width = Number.isNaN(value) ? 0 : Math.round(value * 100);
  return `<span class="pbar" role="img" aria-label="${escapeHtml(`${label}: ${percent(value)}`)}"><span class="pbar-fill" style="width:${width}%"></span></span><span class="pval">${percent(value)}</span>`;
}
