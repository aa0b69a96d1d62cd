/**
 * Two runs in two columns, council by council and seat by seat, fitted to a width: the lines of
 * `govsim diff --side-by-side` and of the explorer's compare screen (which colours the marked ones).
 */
import { outcomeText, type SideBySide, unitText } from '../scenarios/side-by-side.js';
import { wrapCell } from './text-wrap.js';

export interface SideLine {
  readonly text: string;
  readonly kind: 'title' | 'council' | 'heading' | 'same' | 'differs';
}

const LABEL = 20;
const GUTTER = ' │ ';

export function sideBySideLines(view: SideBySide, options: { width?: number; all?: boolean } = {}): SideLine[] {
  const width = Math.max(60, options.width ?? 120);
  const column = Math.floor((width - LABEL - GUTTER.length) / 2);
  const row = (label: string, left: string, right: string, mark = ' '): SideLine[] => {
    const a = wrapCell(left, column);
    const b = wrapCell(right, column);
    const labels = wrapCell(label, LABEL - 2);
    const lines: SideLine[] = [];
    for (let i = 0; i < Math.max(a.length, b.length, labels.length); i++) {
      const text = `${i === 0 ? mark : ' '} ${(labels[i] ?? '').padEnd(LABEL - 2)}${(a[i] ?? '').padEnd(column)}${GUTTER}${b[i] ?? ''}`;
      lines.push({ text: text.trimEnd(), kind: label === '' ? 'heading' : mark === '*' ? 'differs' : 'same' });
    }
    return lines;
  };
  const shown = view.councils.filter((council) => options.all || council.outcomeDiffers || council.seatsDiffer);
  const differing = view.councils.filter((council) => council.outcomeDiffers).length;
  const seatOnly = view.councils.filter((council) => !council.outcomeDiffers && council.seatsDiffer).length;
  const lines: SideLine[] = [
    `${view.right} against ${view.left}: ${differing} council${differing === 1 ? '' : 's'} with another outcome, ${seatOnly} with other seats only, ${view.councils.length - differing - seatOnly} the same`,
    `(* marks a difference; [x] a unit in the coalition row${options.all ? '' : '; --all shows every council'})`,
  ].flatMap((text) => wrapCell(text, width).map((line) => ({ text: line, kind: 'title' as const })));
  for (const council of shown) {
    lines.push({ text: '', kind: 'same' }, { text: `${council.name} (${council.id})`, kind: 'council' });
    lines.push(...row('', view.left, view.right));
    lines.push(...row('outcome', outcomeText(council.left), outcomeText(council.right), council.left.status !== council.right.status || council.left.governorFrom !== council.right.governorFrom ? '*' : ' '));
    lines.push(...row('votes / majority', `${council.left.votes} / ${council.left.majority}`, `${council.right.votes} / ${council.right.majority}`, council.left.votes !== council.right.votes ? '*' : ' '));
    const coalition = (ids: readonly string[]): string => (ids.length > 0 ? ids.join(' + ') : '(none)');
    lines.push(...row('coalition', coalition(council.left.coalition), coalition(council.right.coalition), council.left.coalition.join('+') !== council.right.coalition.join('+') ? '*' : ' '));
    lines.push(...row('present / members', `${council.left.present} / ${council.left.seats}`, `${council.right.present} / ${council.right.seats}`, council.left.present !== council.right.present || council.left.seats !== council.right.seats ? '*' : ' '));
    for (const unit of council.units) lines.push(...row(`  ${unit.id}`, unitText(unit.left), unitText(unit.right), unit.differs ? '*' : ' '));
  }
  return lines;
}

export function renderSideBySide(view: SideBySide, options: { width?: number; all?: boolean } = {}): string {
  return `${sideBySideLines(view, options).map((line) => line.text).join('\n')}\n`;
}
