/**
 * One council: the arithmetic at a glance (members, majority, quorum, group), the coalition on screen
 * against the majority, the seat bar, and a pane with the units (toggle them), the hinge seats or the
 * explanation trace.
 */
import { Box, Text } from 'ink';
import { councilDetail, councilProbabilities } from '../../explorer/queries.js';
import { signed, truncate } from '../layout.js';
import { MARK, SEP, STATUS_STYLE } from '../theme.js';
import { COUNCIL_PANES, type UiState } from '../ui-state.js';
import { DetailPane } from './DetailPane.js';
import { PathsPane } from './PathsPane.js';
import { Legend } from './Legend.js';
import { PROBABILITY_PANEL_HEIGHT, ProbabilityPanel } from './ProbabilityPanel.js';
import { SeatBar } from './SeatBar.js';
import { UnitTable } from './UnitTable.js';

/** From this width the units and the explanation are side by side. */
const SPLIT_FROM = 120;

export function CouncilView({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const detail = councilDetail(ui.session, ui.council.id);
  const { result, coalition, check } = detail;
  const style = STATUS_STYLE[result.outcome.status];
  const selected = detail.units[ui.council.cursor];
  const facts = [
    `${result.seats} members`,
    `majority ${result.majority}`,
    `present ${result.present}`,
    `quorum ${result.quorum.met ? 'met' : 'NOT MET'}`,
    `group ${result.group} (${result.groupSource})`,
    // The outcome's confidence, as `govsim run` marks it: on estimated (~) or unresolved (?) seats.
    ...(result.confidence === 'documented' ? [] : [`outcome on ${result.confidence} seats ${result.confidence === 'inferred' ? '~' : '?'}`]),
  ].join(SEP);
  const coalitionText = coalition
    ? `${coalition.kind} ${coalition.id}${coalition.governing ? '' : ' (not governing)'}: ${check ? `${check.votes} of ${check.needed} needed${SEP}` : ''}`
    : 'no coalition declared here: space on a unit starts one';
  const verdict = check ? (check.majority ? MARK.majority : MARK.noMajority) : '';
  const governor = result.outcome.governorFrom ? `governor from ${result.outcome.governorFrom}${result.outcome.governorSeated ? '' : ' (no seat in this council)'}${SEP}` : '';
  // The competing alignments side by side: every deal, bloc and rump, and a unit alone when it is elected.
  const competing = result.alignments.filter((a) => a.kind === 'deal' || a.kind === 'bloc' || a.kind === 'rump' || a.status === 'elected');
  const alignmentsText = competing.length > 0 ? `alignments: ${competing.map((a) => `${a.label} ${a.votes}${a.status === 'short' ? '' : ` ${a.status}`}`).join(SEP)}` : '';
  const pivotal = detail.pivotal.length > 0 ? detail.pivotal.join(', ') : 'none';
  const pane = ui.council.pane;
  // Side by side: the units take what their columns and a 26-column name need, the explanation the rest.
  const unitsWidth = Math.min(97, Math.floor(width * 0.6));
  const explanation = detail.explanation.map((line) => ({ text: `${line.rule ? `[${line.rule}] ` : ''}${line.text}` }));
  const tabs = COUNCIL_PANES.map((name) => {
    const count = name === 'hinges' ? ` ${detail.hinges.length}` : name === 'explanation' ? ` ${detail.explanation.length}` : name === 'paths' ? ' (W)' : '';
    return name === pane ? `[${name}${count}]` : ` ${name}${count} `;
  }).join(' ');
  const probabilities = ui.council.probabilities ? councilProbabilities(ui.session, ui.council.id) : null;
  // A tall terminal keeps room under the pane for the legend (what the glyphs and BZ/SS mean).
  const legendRows = height >= 34 ? Math.min(10, height - 28) : 0;
  const paneHeight = Math.max(1, height - 5 - legendRows - (alignmentsText ? 1 : 0) - (probabilities ? PROBABILITY_PANEL_HEIGHT : 0));
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate-end">
        <Text bold>{result.name}</Text>
        <Text>{truncate(`${SEP}${facts}`, Math.max(0, width - result.name.length))}</Text>
      </Text>
      <Text wrap="truncate-end">
        <Text>{coalitionText}</Text>
        {verdict ? (
          <Text bold color={check?.majority ? 'green' : 'red'}>
            {verdict}
          </Text>
        ) : null}
        <Text>{check ? `${SEP}margin ${signed(check.margin)}${SEP}` : SEP}</Text>
        <Text bold color={style.color}>
          {style.label}
        </Text>
      </Text>
      {alignmentsText ? (
        <Text wrap="truncate-end" dimColor>
          {truncate(alignmentsText, width)}
        </Text>
      ) : null}
      <Text wrap="truncate-end" dimColor>
        {truncate(`${governor}pivotal: ${pivotal}${SEP}hinge seats: ${detail.hinges.length}${detail.powerNote ? `${SEP}${detail.powerNote}` : ''}`, width)}
      </Text>
      {probabilities ? <ProbabilityPanel probabilities={probabilities} width={width} /> : null}
      <SeatBar units={detail.units} majority={result.majority} {...(selected ? { highlight: selected.id } : {})} />
      <Text wrap="truncate-end">
        <Text color="cyan">{tabs}</Text>
        <Text dimColor>{pane === 'hinges' && detail.hinges.length > 0 ? `  enter applies hinge ${ui.council.scroll + 1}` : '  tab switches, [ ] scroll'}</Text>
      </Text>
      {pane === 'units' && width >= SPLIT_FROM ? (
        // A wide terminal shows the units and the explanation side by side.
        <Box flexDirection="row" height={paneHeight}>
          <Box width={unitsWidth} flexDirection="column">
            <UnitTable units={detail.units} cursor={ui.council.cursor} width={unitsWidth - 2} height={paneHeight} />
          </Box>
          <Box flexDirection="column" width={width - unitsWidth}>
            <Text dimColor>Why (the explanation; tab to scroll it)</Text>
            <DetailPane entries={explanation} scroll={0} width={width - unitsWidth} height={paneHeight - 1} empty="No explanation lines." />
          </Box>
        </Box>
      ) : pane === 'units' ? (
        <UnitTable units={detail.units} cursor={ui.council.cursor} width={width} height={paneHeight} />
      ) : pane === 'paths' ? (
        <PathsPane session={ui.session} council={ui.council.id} {...(ui.council.pathsFor !== undefined ? { target: ui.council.pathsFor } : {})} cursor={ui.council.scroll} width={width} height={paneHeight} />
      ) : pane === 'hinges' ? (
        <DetailPane entries={detail.hinges.map((text) => ({ text }))} scroll={ui.council.scroll} width={width} height={paneHeight} empty="No single-seat change flips or reshapes the majority here." />
      ) : (
        <DetailPane
          entries={explanation}
          scroll={ui.council.scroll}
          width={width}
          height={paneHeight}
          empty="No explanation lines."
        />
      )}
      {legendRows > 0 ? (
        <Box flexDirection="column" marginTop={0}>
          <Legend width={width} height={legendRows} />
        </Box>
      ) : null}
    </Box>
  );
}
