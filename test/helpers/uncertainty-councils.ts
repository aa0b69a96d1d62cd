/**
 * Two small councils for the probabilistic-spec tests, sharing unit ids as the same list sits in many
 * councils: nabni and sol (cf) sit in both, wafaa (one of two present) only in Najaf, sabean only in Maysan.
 */
import type { Council } from '../../src/model/council.js';
import { formatRational } from '../../src/model/rational.js';
import type { CouncilInput } from '../../src/model/uncertainty/index.js';

export const najaf: Council = {
  id: 'najaf',
  name: 'Najaf',
  units: [
    { id: 'nabni', name: 'Nabni', kind: 'list', seats: 3, blocs: ['cf'] },
    { id: 'sol', name: 'State of Law', kind: 'list', seats: 3, blocs: ['cf'] },
    { id: 'wafaa', name: 'Wafaa', kind: 'list', seats: 2, present: 1 },
  ],
};

export const maysan: Council = {
  id: 'maysan',
  name: 'Maysan',
  units: [
    { id: 'nabni', name: 'Nabni', kind: 'list', seats: 6, blocs: ['cf'] },
    { id: 'sol', name: 'State of Law', kind: 'list', seats: 3, blocs: ['cf'] },
    { id: 'sabean', name: 'Sabean seat', kind: 'member', seats: 1 },
  ],
};

export const inputs: CouncilInput[] = [
  { council: najaf, threshold: 5, quorum: 5, coalition: ['nabni', 'sol'], governor: 'nabni' },
  { council: maysan, threshold: 6, quorum: 6, coalition: ['nabni'] },
];

export const texts = (values: readonly { num: bigint; den: bigint }[]): string[] => values.map(formatRational);
