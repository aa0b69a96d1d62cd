/**
 * The report page: one self-contained HTML file (inline CSS, inline SVG, no script, no font or image
 * fetched), readable at phone width, printable. Every figure cites its source by a link to the sources
 * list, which gives outlet, date and URL.
 */
import type { CouncilDiff, ScenarioDiff } from '../scenarios/index.js';
import type { ReportCouncil, ReportData, ReportSource, ReportUnit, SeatConfidence } from './adapter.js';
import { distributionChart, percent, probabilityBar } from './chart.js';
import { arabic, escapeHtml, safeId } from './escape.js';
import { isEstimated, renderHemicycle } from './hemicycle.js';
import { councilColours, OUTCOME_STYLE, PALETTE, patternDefs } from './palette.js';
import type { ReportProbabilities } from './probabilities.js';
import { outcomeWords, renderTileMap } from './tile-map.js';

export const PAGE_PREFIX = 'gs-';

export interface PageInput {
  readonly data: ReportData;
  readonly diff?: { readonly diff: ScenarioDiff; readonly before: ReportData };
  readonly probabilities?: ReportProbabilities;
  /** Unit ids that belong to the focus bloc (the CF), for its governorship count. */
  readonly focusUnits: ReadonlySet<string>;
}

/** Colour ranking: owners by seats over every council drawn (the largest parties get the first colours). */
export function colourRanking(datasets: readonly ReportData[]): Map<string, number> {
  const seats = new Map<string, number>();
  for (const data of datasets) for (const council of data.councils) for (const unit of council.units) seats.set(unit.owner, (seats.get(unit.owner) ?? 0) + unit.seats);
  const ranked = [...seats.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map(ranked.map(([owner], index) => [owner, index]));
}

export function coloursFor(council: ReportCouncil, ranking: ReadonlyMap<string, number>): Map<string, number> {
  return councilColours(council.units.map((unit) => unit.owner), ranking);
}

/** Collects the sources a page cites, so the list at the end holds exactly those. */
class Citations {
  readonly used = new Map<string, ReportSource>();
  constructor(private readonly table: ReadonlyMap<string, ReportSource>) {}

  /** Links to the sources by id; unknown ids are shown as text (a scenario may cite an undeclared note). */
  cite(ids: readonly string[]): string {
    const links = [...new Set(ids)].map((id) => {
      const source = this.table.get(id);
      if (!source) return `<span class="cite">${escapeHtml(id)}</span>`;
      this.used.set(id, source);
      const text = `${source.outlet}${source.date ? `, ${source.date}` : ''}`;
      return `<a class="cite" href="#src-${safeId(id)}">${escapeHtml(text)}</a>`;
    });
    return links.join('; ');
  }

  /** A source given as `id url` (a step's source in a change). */
  citeText(text: string | undefined): string {
    if (!text) return '';
    const [id = '', url] = text.split(' ');
    if (this.table.has(id)) return this.cite([id]);
    return url && isWebAddress(url) ? `<a class="cite" href="${escapeHtml(url)}">${escapeHtml(id)}</a>` : `<span class="cite">${escapeHtml(id)}</span>`;
  }
}

/** Only web addresses become links (a scenario's source may be any text, `javascript:` included). */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

const CONFIDENCE_TEXT: Readonly<Record<SeatConfidence, string>> = {
  documented: 'documented',
  inferred: 'inferred (estimate)',
  unresolved: 'unresolved (estimate)',
  scenario: 'set by the scenario',
};

function badge(confidence: SeatConfidence): string {
  return `<span class="conf conf-${confidence}">${escapeHtml(CONFIDENCE_TEXT[confidence])}</span>`;
}

function swatch(unit: ReportUnit, colours: ReadonlyMap<string, number>, governingId: string | undefined): string {
  const index = colours.get(unit.owner) ?? 0;
  const fill = isEstimated(unit) ? `url(#${PAGE_PREFIX}h${index})` : PALETTE[index]!;
  const ring = unit.alignment ? ` stroke="#000" stroke-width="2.4"${unit.alignment === governingId ? '' : ' stroke-dasharray="3 2"'}` : '';
  return `<svg class="sw" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6" fill="${fill}"${ring}/></svg>`;
}

function statusSentence(council: ReportCouncil): string {
  const { outcome } = council;
  switch (outcome.status) {
    case 'elected':
      return `Governor elected from <strong>${escapeHtml(outcome.governorFrom ?? '')}</strong> by ${escapeHtml(outcome.basis)} ${escapeHtml(outcome.via ?? '')}: ${outcome.votes} votes of ${outcome.needed} needed (margin ${outcome.margin}).`;
    case 'deadlock':
      return `<strong>Deadlock</strong>: ${escapeHtml(outcome.basis)} ${escapeHtml(outcome.via ?? '')} claims the governorship for ${escapeHtml(outcome.candidate ?? '')} with ${outcome.votes} votes, ${outcome.needed - outcome.votes} short of ${outcome.needed}.`;
    case 'no-quorum':
      return `<strong>No quorum</strong>: ${council.quorum.present} present, ${council.quorum.needed} needed for a vote.`;
    default:
      return `<strong>Open</strong>: no declared alignment reaches ${council.majority} votes.`;
  }
}

function unitTable(council: ReportCouncil, colours: ReadonlyMap<string, number>, citations: Citations): string {
  const governing = council.alignments.find((alignment) => alignment.governing)?.id;
  const rows = council.units
    .filter((unit) => unit.seats > 0)
    .map(
      (unit) =>
        `<tr><th scope="row">${swatch(unit, colours, governing)} ${escapeHtml(unit.name)}${unit.nameAr ? ` ${arabic(unit.nameAr)}` : ''}<span class="uid">${escapeHtml(unit.id)}</span></th>` +
        `<td class="num" data-label="seats">${unit.seats}</td><td class="num" data-label="present">${unit.present}</td>` +
        `<td data-label="votes with">${unit.alignment ? escapeHtml(unit.alignment) : '—'}</td>` +
        `<td class="wide">${badge(unit.confidence)}${unit.method ? `<span class="method">${escapeHtml(unit.method)}</span>` : ''}</td>` +
        `<td class="wide" data-label="source">${unit.sources.length > 0 ? citations.cite(unit.sources) : unit.confidence === 'scenario' ? 'scenario step (see trace)' : '—'}</td></tr>`,
    );
  return (
    `<div class="table-wrap" role="region" aria-label="${escapeHtml(`${council.name}: seats by unit`)}" tabindex="0"><table class="units">` +
    `<caption>Seats by unit, in the order drawn</caption>` +
    `<thead><tr><th scope="col">Unit</th><th scope="col">Seats</th><th scope="col">Present</th><th scope="col">Votes with</th><th scope="col">Confidence</th><th scope="col">Source</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function councilSection(council: ReportCouncil, ranking: ReadonlyMap<string, number>, citations: Citations, rules: ReportData['ruleSources'], steps: ReadonlySet<string>): string {
  const colours = coloursFor(council, ranking);
  const id = safeId(council.id);
  const alignments = council.alignments.map(
    (alignment) => `<li>${alignment.governing ? '<strong>' : ''}${escapeHtml(alignment.label)}${alignment.governing ? '</strong> (highlighted: solid ring)' : ' (competing: dashed ring)'}: ${escapeHtml(alignment.units.join(' + '))} = ${alignment.votes} of ${council.majority}</li>`,
  );
  const trace = council.explanation.map(
    (line) =>
      `<li>${escapeHtml(line.text)}${line.rule ? ` <span class="rule">(${escapeHtml(line.rule)})</span>` : ''}${line.step && steps.has(line.step) ? ` <a class="step" href="#step-${safeId(line.step)}">${escapeHtml(line.step)}</a>` : ''}${line.source ? ` <span class="src">${citations.citeText(line.source)}</span>` : ''}</li>`,
  );
  const predictions = council.predictions.map(
    (prediction) => `<li>${escapeHtml(prediction.label)}: ${escapeHtml(prediction.coalitions.map((coalition) => coalition.join(' + ')).join(' · ') || 'none')}</li>`,
  );
  return (
    `<section class="council" id="council-${id}" aria-labelledby="council-${id}-h">` +
    `<h3 id="council-${id}-h">${escapeHtml(council.name)} ${arabic(council.nameAr)}</h3>` +
    `<p class="status status-${council.outcome.status}">${statusSentence(council)}</p>` +
    `<p class="meta">${council.seats} members (${citations.cite(council.sizeSources)}), majority ${council.majority} of all members (${citations.cite(rules.majority)}), ${council.present} present, quorum ${council.quorum.needed} (${citations.cite(rules.quorum)}) · group ${escapeHtml(council.group)} (${escapeHtml(council.groupSource)}) · confidence ${badge(council.confidence)}</p>` +
    `<figure class="hemi">${renderHemicycle(council, { idPrefix: PAGE_PREFIX, colours })}<figcaption>One dot per seat, left to right in the table's order. Solid ring: votes with the governing alignment; dashed ring: a competing alignment; hollow dashed dot: absent; hatched: estimated seats. The dashed line marks the majority (${council.majority}).</figcaption></figure>` +
    (alignments.length > 0 ? `<h4>Alignments</h4><ul>${alignments.join('')}</ul>` : '') +
    `<h4>The arithmetic</h4><p class="decision">${escapeHtml(council.decision)}</p>` +
    unitTable(council, colours, citations) +
    `<h4>Pivotal units and breaking points</h4><ul>` +
    `<li>Pivotal: ${council.pivotal.length > 0 ? escapeHtml(council.pivotal.join(', ')) : 'none (no single unit can break the outcome by leaving)'}</li>` +
    (council.hinge.length > 0 ? council.hinge.map((hinge) => `<li>${escapeHtml(hinge)}</li>`).join('') : '<li>No breaking point within one seat.</li>') +
    `</ul>` +
    (predictions.length > 0 ? `<h4>Predicted coalitions</h4><ul>${predictions.join('')}</ul>` : '') +
    `<h4>Explanation trace</h4><ol class="trace">${trace.join('')}</ol>` +
    `</section>`
  );
}

function countrySection(input: PageInput, citations: Citations): string {
  const { data } = input;
  const governed = data.councils.filter((council) => council.outcome.status === 'elected' && council.outcome.governorFrom !== null && input.focusUnits.has(council.outcome.governorFrom));
  const { byStatus, groups } = data.national;
  const lines = data.cfLines.map(
    (line) =>
      `<li><strong>${line.published}</strong> seats: ${escapeHtml(line.label)}, ${escapeHtml(line.seatSet)} results (${citations.cite(line.sources)}); the councils add up to ${line.computed}${line.matches ? ' ✓' : ' ✗ (differs)'}</li>`,
  );
  const legend = Object.entries(OUTCOME_STYLE)
    .map(
      ([status, style]) =>
        `<li><svg class="sw" viewBox="0 0 40 16" width="40" height="16" aria-hidden="true" focusable="false"><rect width="40" height="16" fill="${status === 'elected' ? style.fill : `url(#${PAGE_PREFIX}o-${status})`}"/></svg> ${escapeHtml(style.label)} (${escapeHtml(style.pattern)})</li>`,
    )
    .join('');
  return (
    `<section id="country" aria-labelledby="country-h"><h2 id="country-h">Country</h2>` +
    `<p class="lead">${escapeHtml(data.focusBloc.toUpperCase())} governs <strong>${governed.length}</strong> of ${data.councils.length} councils in this scenario. ` +
    `Elected ${byStatus.elected}, deadlock ${byStatus.deadlock}, no quorum ${byStatus['no-quorum']}, open ${byStatus.open}. Groups: A ${groups.A}, B ${groups.B}, C ${groups.C}.</p>` +
    (lines.length > 0 ? `<h3>The national ${escapeHtml(data.focusBloc.toUpperCase())} line</h3><ul>${lines.join('')}</ul>` : '') +
    `<h3>Provinces</h3><p class="note">Tiles are placed roughly where each province lies (north at the top); each links to its council. A check mark: the ${escapeHtml(data.focusBloc.toUpperCase())} provides the governor.</p>` +
    renderTileMap(data.councils, PAGE_PREFIX, input.focusUnits, data.focusBloc.toUpperCase()) +
    `<ul class="legend" aria-label="Outcome key">${legend}</ul>` +
    `</section>`
  );
}

function causesOf(council: CouncilDiff, diff: ScenarioDiff, citations: Citations): string {
  const items = [
    ...council.causes.map(
      (change) =>
        `<li><a href="#step-${safeId(change.step)}"><strong>${escapeHtml(`${diff.to} ${change.step}`)}</strong></a> (${escapeHtml(change.kind)}): ${escapeHtml(change.text)}${change.source ? ` ${citations.citeText(change.source)}` : ''}</li>`,
    ),
    ...council.reverted.map((change) => `<li>without <strong>${escapeHtml(`${diff.from} ${change.step}`)}</strong> (${escapeHtml(change.kind)}): ${escapeHtml(change.text)}</li>`),
  ];
  return items.length > 0 ? `<ul>${items.join('')}</ul>` : '<p>No step touched this council; its outcome follows from changes elsewhere.</p>';
}

function diffSection(input: PageInput, ranking: ReadonlyMap<string, number>, citations: Citations): string {
  const { diff, before } = input.diff!;
  const after = new Map(input.data.councils.map((council) => [council.id, council]));
  const prior = new Map(before.councils.map((council) => [council.id, council]));
  const blocks = diff.councils.map((council) => {
    const now = after.get(council.id)!;
    const then = prior.get(council.id);
    const rows = council.changes.map((change) => `<tr><th scope="row">${escapeHtml(change.field)}</th><td>${escapeHtml(change.before)}</td><td>${escapeHtml(change.after)}</td></tr>`).join('');
    const id = `diff-${safeId(council.id)}`;
    const beforeSvg = then ? renderHemicycle(then, { idPrefix: `${PAGE_PREFIX}b-`, patternPrefix: PAGE_PREFIX, colours: coloursFor(then, ranking) }) : '<p>(not in the baseline)</p>';
    const afterSvg = renderHemicycle(now, { idPrefix: `${PAGE_PREFIX}a-`, patternPrefix: PAGE_PREFIX, colours: coloursFor(now, ranking) });
    return (
      `<article class="change" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${escapeHtml(council.name)} ${arabic(now.nameAr)}</h3>` +
      `<div class="table-wrap" role="region" aria-label="${escapeHtml(`${council.name}: what changed`)}" tabindex="0"><table><caption>What changed</caption><thead><tr><th scope="col">Field</th><th scope="col">${escapeHtml(diff.from)}</th><th scope="col">${escapeHtml(diff.to)}</th></tr></thead><tbody>${rows}</tbody></table></div>` +
      `<h4>Caused by</h4>${causesOf(council, diff, citations)}` +
      `<div class="pair"><figure class="hemi"><figcaption>Before (${escapeHtml(diff.from)})</figcaption>${beforeSvg}</figure>` +
      `<figure class="hemi"><figcaption>After (${escapeHtml(diff.to)})</figcaption>${afterSvg}</figure></div></article>`
    );
  });
  return (
    `<section id="changes" aria-labelledby="changes-h"><h2 id="changes-h">Against ${escapeHtml(diff.from)}</h2>` +
    `<p class="lead">${diff.councils.length} council${diff.councils.length === 1 ? '' : 's'} changed, ${diff.unchanged.length} unchanged${diff.unchanged.length > 0 ? ` (${escapeHtml(diff.unchanged.join(', '))})` : ''}.</p>` +
    blocks.join('') +
    `</section>`
  );
}

function probabilitySection(probabilities: ReportProbabilities): string {
  const bloc = probabilities.bloc.toUpperCase();
  const interval = (figure: { value: number; low?: number; high?: number }): string =>
    figure.low !== undefined && figure.high !== undefined ? ` <span class="ci">[${percent(figure.low)}, ${percent(figure.high)}]</span>` : '';
  const cell = (figure: { value: number; low?: number; high?: number }, label: string): string => `<td>${probabilityBar(figure.value, label)}${interval(figure)}</td>`;
  const rows = probabilities.councils.map(
    (council) =>
      `<tr><th scope="row"><a href="#council-${safeId(council.council)}">${escapeHtml(council.name)}</a><span class="uid">${escapeHtml(council.coalition.join(' + ') || 'no coalition')}</span></th>` +
      cell(council.elected, 'elected') +
      cell(council.deadlock, 'deadlock') +
      cell(council.noQuorum, 'no quorum') +
      cell(council.blocGoverns, `${bloc} governs`) +
      `</tr>`,
  );
  const table = probabilities.distribution.map((entry) => `<tr><th scope="row">${entry.k}</th><td class="num">${percent(entry.value)}</td></tr>`).join('');
  return (
    `<section id="probabilities" aria-labelledby="probabilities-h"><h2 id="probabilities-h">Probabilities</h2>` +
    `<p class="note">From the scenario's <code>probabilities:</code> block: ${escapeHtml(probabilities.basis)}. The figures in the block are the scenario's assumptions, not sourced data.</p>` +
    `<div class="table-wrap" role="region" aria-label="Outcome probabilities per council" tabindex="0"><table><caption>Outcome probabilities per council</caption>` +
    `<thead><tr><th scope="col">Council (coalition)</th><th scope="col">Elected</th><th scope="col">Deadlock</th><th scope="col">No quorum</th><th scope="col">${escapeHtml(bloc)} governs</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    `<h3>How many of the ${probabilities.councils.length} simulated councils the ${escapeHtml(bloc)} governs</h3>` +
    `<p class="note">Simulated: ${escapeHtml(probabilities.councils.map((council) => council.name).join(', '))} (the councils the scenario changes or its block names); the others keep the outcome shown in the country map.</p>` +
    `<figure class="chart-fig">${distributionChart(probabilities.distribution, bloc, `${PAGE_PREFIX}dist`)}` +
    `<figcaption>The same figures as a table:</figcaption></figure>` +
    `<div class="table-wrap" role="region" aria-label="Distribution table" tabindex="0"><table class="narrow"><thead><tr><th scope="col">Governorships</th><th scope="col">Probability</th></tr></thead><tbody>${table}</tbody></table></div>` +
    `</section>`
  );
}

function sourcesSection(citations: Citations): string {
  const items = [...citations.used.values()]
    .sort((a, b) => a.outlet.localeCompare(b.outlet) || a.id.localeCompare(b.id))
    .map(
      (source) =>
        `<li id="src-${safeId(source.id)}"><strong>${escapeHtml(source.outlet)}</strong>${source.date ? `, ${escapeHtml(source.date)}` : ', undated'}: ` +
        `${source.title ? `<cite>${escapeHtml(source.title)}</cite>` : escapeHtml(source.id)}` +
        `${source.url ? ` — ${isWebAddress(source.url) ? `<a class="url" href="${escapeHtml(source.url)}" rel="noreferrer">${escapeHtml(source.url)}</a>` : escapeHtml(source.url)}` : ' — no URL recorded'}` +
        `${source.note ? `<br><span class="note">${escapeHtml(source.note)}</span>` : ''} <span class="uid">${escapeHtml(source.id)}</span></li>`,
    );
  return `<section id="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2><p class="note">Confidence: <em>documented</em> figures are stated by the source; <em>inferred</em> ones are derived by a stated method and <em>unresolved</em> ones are not found in the sources (both drawn hatched); seats <em>set by the scenario</em> are hypothetical.</p><ol class="sources">${items.join('')}</ol></section>`;
}

const CSS = `
:root{color-scheme:light;--ink:#111;--muted:#444;--line:#ccc;--link:#0b57d0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic",sans-serif;color:var(--ink);background:#fff}
main,header,nav,footer{max-width:1100px;margin:0 auto;padding:0 16px}
h1{font-size:1.7rem;line-height:1.2;margin:1rem 0 .3rem}h2{font-size:1.35rem;border-top:2px solid var(--ink);padding-top:.6rem;margin-top:2rem}
h3{font-size:1.15rem;margin:1.4rem 0 .3rem}h4{font-size:1rem;margin:1rem 0 .2rem}
p,li,figcaption{overflow-wrap:anywhere}td,th{overflow-wrap:break-word}
a{color:var(--link)}a:focus-visible,.table-wrap:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
nav ul{display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding:0;list-style:none;margin:.5rem 0}
.lead{font-size:1.05rem}.note,.meta,.uid,.method,.rule,.ci{color:var(--muted);font-size:.88rem}
.uid{display:block;font-family:ui-monospace,monospace;font-size:.75rem}.method{display:block}
bdi[lang=ar]{font-family:"Noto Naskh Arabic","Geeza Pro","Arial",sans-serif}
.tile-map{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:6px;max-width:640px}
.tile{display:flex;flex-direction:column;gap:1px;border:2px solid var(--ink);border-radius:6px;padding:4px;text-decoration:none;color:var(--ink);background:#fff;min-width:0}
.tile:hover{background:#f2f5fb}.tile .swatch{width:100%;height:18px;display:block;border-radius:3px}.focus{font-weight:700;color:#1e5b2a}
.tile-name{font-weight:700;font-size:.85rem;line-height:1.15;overflow-wrap:anywhere}.tile .conf{white-space:normal;overflow-wrap:anywhere;font-size:.7rem;padding:0 .2em}.tile-ar{font-size:.85rem}.tile-outcome,.tile-meta{font-size:.72rem;line-height:1.2;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0}.legend li{display:flex;align-items:center;gap:.3rem}
.conf{display:inline-block;padding:0 .35em;border-radius:4px;font-size:.8rem;white-space:nowrap}
.conf-documented{background:#e6f4ea;color:#1e5b2a}.conf-inferred{background:#fff1d6;color:#6b4200}.conf-unresolved{background:#fde7ea;color:#8a0018}.conf-scenario{background:#ecebff;color:#36358f}
figure{margin:.6rem 0}figure.hemi svg,figure.chart-fig svg{width:100%;height:auto;max-width:560px;display:block}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr));gap:12px}
.table-wrap{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem;width:100%}table.narrow{width:auto}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}
th[scope=row]{font-weight:500}.sw{vertical-align:middle}
.status{font-size:1.05rem}.decision{font-family:ui-monospace,monospace;font-size:.85rem;background:#f5f5f5;padding:.4rem;border-radius:4px}
.council{border-top:1px solid var(--line);margin-top:1.5rem}
.pbar{display:inline-block;width:60px;height:10px;border:1px solid #555;vertical-align:middle;margin-right:.3rem}.pbar-fill{display:block;height:100%;background:#1f5fa8}
.sources li{margin:.3rem 0}.url{word-break:break-all}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem}
@media (max-width:480px){body{font-size:15px}th,td{padding:.25rem .25rem}.tile{padding:3px}.tile-name{font-size:.78rem}.tile-outcome,.tile-meta{font-size:.66rem;overflow-wrap:anywhere}.tile .conf{font-size:.62rem}}
@media (max-width:640px){table.units thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.units tr{display:flex;flex-wrap:wrap;gap:0 .8rem;border-bottom:1px solid var(--line);padding:.3rem 0}
table.units th,table.units td{display:block;border:0;padding:0;text-align:left}table.units th[scope=row],table.units td.wide{flex:1 0 100%}
table.units td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}}
@media print{nav,.skip{display:none}body{font-size:11pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.change,figure,tr,li{break-inside:avoid}h2,h3,h4{break-after:avoid}a{color:var(--ink)}.table-wrap{overflow:visible}}
`;

/** The whole page. */
export function renderPage(input: PageInput): string {
  const { data } = input;
  const citations = new Citations(data.sources);
  const ranking = colourRanking(input.diff ? [data, input.diff.before] : [data]);
  const stepLabels = new Set(data.steps.map((step) => step.label));
  const parts: string[] = [];
  const title = `${data.scenario} — govsim report`;
  parts.push(
    '<!doctype html>',
    '<html lang="en" dir="ltr"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request may leave the page: nothing external is referenced, and the policy forbids it anyway.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>`,
    '<a class="skip" href="#main">Skip to the report</a>',
    `<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">${patternDefs(PAGE_PREFIX)}</svg>`,
    `<header><h1>${escapeHtml(data.scenario)}</h1>`,
    data.description ? `<p class="lead">${escapeHtml(data.description)}</p>` : '',
    `<p class="meta">Dataset ${escapeHtml(data.datasetName)} (<code>${escapeHtml(data.dataset)}</code>), seat set <code>${escapeHtml(data.seatSet)}</code>. ${data.steps.length} step${data.steps.length === 1 ? '' : 's'}.</p></header>`,
  );
  const nav = [['country', 'Country'], ...(input.diff ? [['changes', `Against ${input.diff.diff.from}`]] : []), ...(input.probabilities ? [['probabilities', 'Probabilities']] : []), ['councils', 'Councils'], ['steps', 'Steps'], ['sources', 'Sources']];
  parts.push(`<nav aria-label="Sections"><ul>${nav.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label!)}</a></li>`).join('')}</ul></nav>`, '<main id="main">');
  parts.push(countrySection(input, citations));
  if (input.diff) parts.push(diffSection(input, ranking, citations));
  if (input.probabilities) parts.push(probabilitySection(input.probabilities));
  parts.push(
    `<section id="councils" aria-labelledby="councils-h"><h2 id="councils-h">Councils</h2>`,
    `<ul class="legend" aria-label="Councils">${data.councils.map((council) => `<li><a href="#council-${safeId(council.id)}">${escapeHtml(council.name)}</a>: ${escapeHtml(outcomeWords(council))}</li>`).join('')}</ul>`,
    ...data.councils.map((council) => councilSection(council, ranking, citations, data.ruleSources, stepLabels)),
    '</section>',
  );
  const steps = data.steps.map((step) => `<li id="step-${safeId(step.label)}"><strong>${escapeHtml(step.label)}</strong> <code>${escapeHtml(step.kind)}</code>${step.note ? `: ${escapeHtml(step.note)}` : ''}${step.source ? ` ${citations.cite([step.source])}` : ''}</li>`);
  parts.push(`<section id="steps" aria-labelledby="steps-h"><h2 id="steps-h">Steps</h2>${steps.length > 0 ? `<ol>${steps.join('')}</ol>` : '<p>None: the dataset as it is.</p>'}</section>`);
  parts.push(sourcesSection(citations), '</main>');
  parts.push(`<footer><p>Made with govsim from the ${escapeHtml(data.dataset)} dataset. Hatched seats are estimates; see Sources.</p></footer></body></html>\n`);
  return parts.join('\n');
}
