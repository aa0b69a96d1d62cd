/**
 * The council's outcome probabilities under the opened scenario's `probabilities:` block, for the
 * current steps (exact engine, see explorer/queries councilProbabilities): P(elected), P(deadlock), P(no quorum),
 * the expected margin and the units most often pivotal, or why they are unavailable.
 */
import { Box, Text } from 'ink';
import type { CouncilProbabilities } from '../../explorer/queries.js';
import { percent, signedDecimal, truncate } from '../layout.js';
import { SEP } from '../theme.js';

/** Lines the panel takes (the council view gives the pane what is left). */
export const PROBABILITY_PANEL_HEIGHT = 2;

export function ProbabilityPanel({ probabilities, width }: { readonly probabilities: CouncilProbabilities; readonly width: number }) {
  if ('unavailable' in probabilities) {
    return (
      <Box flexDirection="column" height={PROBABILITY_PANEL_HEIGHT}>
        <Text bold color="magenta">
          probabilities
        </Text>
        <Text wrap="truncate-end" dimColor>
          {truncate(`unavailable: ${probabilities.unavailable}`, width)}
        </Text>
      </Box>
    );
  }
  const odds = [`P(elected) ${percent(probabilities.elected)}`, ...(probabilities.rivalElected > 0 ? [`P(rival elected) ${percent(probabilities.rivalElected)}`] : []), `P(deadlock) ${percent(probabilities.deadlock)}`, `P(no quorum) ${percent(probabilities.noQuorum)}`, `E[margin] ${signedDecimal(probabilities.expectedMargin)}`].join(SEP);
  const pivotal = probabilities.pivotal.length > 0 ? probabilities.pivotal.map((entry) => `${entry.id} ${percent(entry.p)}`).join(', ') : 'none';
  return (
    <Box flexDirection="column" height={PROBABILITY_PANEL_HEIGHT}>
      <Text wrap="truncate-end">
        <Text bold color="magenta">
          {'probabilities (exact): '}
        </Text>
        <Text>{truncate(odds, Math.max(0, width - 23))}</Text>
      </Text>
      <Text wrap="truncate-end" dimColor>
        {truncate(`P(pivotal), the chance its votes decide: ${pivotal}`, width)}
      </Text>
    </Box>
  );
}
