/**
 * What the glyphs and the short words mean, in plain language: shown under the country and council
 * views when the terminal is tall enough, and at the foot of the help.
 */
import { Box, Text } from 'ink';
import { wrapHanging } from '../layout.js';
import { SEAT } from '../theme.js';

export const LEGEND: readonly string[] = [
  `Seat bar: ${SEAT.coalition.join('')} the coalition's members (one character a seat; neighbouring units alternate), ${SEAT.other.join('')} the others, ${SEAT.absent} absent, ${SEAT.line} the majority line.`,
  'Group (A/B/C): A the CF alone holds a majority; B it falls short but no majority forms without it; C a majority can form without it.',
  'Units: the lists, factions (after a split) and quota seats that vote as one. Pivotal: a unit whose leaving breaks the majority.',
  'Hinges: single-seat changes (one member away, one seat moved) that flip or reshape the majority.',
  'BZ / SS: Banzhaf / Shapley-Shubik power, the share of the decisive votes a unit casts, in per cent.',
  'Riker: the winning coalition with the fewest seats; Leiserson: the one with the fewest parties. ~ estimated figure, ? unresolved.',
];

/** The legend's lines wrapped to `width`, at most `height` of them (whole entries only). */
export function legendLines(width: number, height: number): string[] {
  const lines: string[] = [];
  for (const entry of LEGEND) {
    const wrapped = wrapHanging(entry, width, 2);
    if (lines.length + wrapped.length > height) break;
    lines.push(...wrapped);
  }
  return lines;
}

export function Legend({ width, height }: { readonly width: number; readonly height: number }) {
  const lines = legendLines(width, height);
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
