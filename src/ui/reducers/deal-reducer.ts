/**
 * The deal composer: three columns (councils, parties, governor party). Choosing councils narrows the
 * parties to those sitting there; applying turns the draft into a `deal` step (plus the `split` steps
 * its factions need) and shows every council it changed.
 */
import { dealEdit, governorOptions, partyOptions, type GovernorOption, type PartyOption } from '../../explorer/edits.js';
import type { Command } from '../keymap.js';
import type { Session } from '../../explorer/session.js';
import { type DealScreen, EMPTY_DEAL, type UiState } from '../ui-state.js';
import { commitEdit } from './commit.js';
import { isMove, moveCursor } from './cursor.js';

/** The rows of each column for a draft. */
export function dealColumns(session: Session, deal: DealScreen): { councils: readonly string[]; parties: readonly PartyOption[]; governors: readonly GovernorOption[] } {
  const parties = partyOptions(session, deal.councils);
  // No parties yet: no governor either (the column says "choose parties").
  const governors = deal.parties.length > 0 ? governorOptions(session, deal) : [];
  return { councils: session.state.councilOrder, parties, governors };
}

function toggle(values: readonly string[], value: string, order?: readonly string[]): string[] {
  const next = values.includes(value) ? values.filter((entry) => entry !== value) : [...values, value];
  return order ? order.filter((entry) => next.includes(entry)) : next;
}

function withCursor(deal: DealScreen, column: 0 | 1 | 2, cursor: number): DealScreen {
  const cursors = [...deal.cursors] as [number, number, number];
  cursors[column] = cursor;
  return { ...deal, cursors };
}

/** Cursors kept inside their columns and the governor kept among the parties. */
function settle(session: Session, deal: DealScreen): DealScreen {
  const columns = dealColumns(session, deal);
  const lengths = [columns.councils.length, columns.parties.length, columns.governors.length] as const;
  const cursors = deal.cursors.map((cursor, i) => moveCursor(cursor, 'enter', lengths[i]!)) as [number, number, number];
  const governor = deal.governor !== null && columns.governors.some((option) => option.id === deal.governor) ? deal.governor : null;
  return { ...deal, cursors, governor };
}

export function reduceDeal(ui: UiState, command: Command): UiState {
  const { deal, session } = ui;
  const columns = dealColumns(session, deal);
  const lengths = [columns.councils.length, columns.parties.length, columns.governors.length] as const;
  const cursor = deal.cursors[deal.column];
  if (isMove(command)) return { ...ui, deal: withCursor(deal, deal.column, moveCursor(cursor, command, lengths[deal.column])) };
  switch (command) {
    case 'next-column':
      return { ...ui, deal: { ...deal, column: ((deal.column + 1) % 3) as 0 | 1 | 2 } };
    case 'previous-column':
      return { ...ui, deal: { ...deal, column: ((deal.column + 2) % 3) as 0 | 1 | 2 } };
    case 'select': {
      if (deal.column === 0) {
        const id = columns.councils[cursor];
        return id === undefined ? ui : { ...ui, deal: settle(session, { ...deal, councils: toggle(deal.councils, id, session.state.councilOrder) }) };
      }
      if (deal.column === 1) {
        const id = columns.parties[cursor]?.id;
        return id === undefined ? ui : { ...ui, deal: settle(session, { ...deal, parties: toggle(deal.parties, id) }) };
      }
      const id = columns.governors[cursor]?.id;
      return id === undefined ? ui : { ...ui, deal: { ...deal, governor: id } };
    }
    case 'apply': {
      const next = commitEdit(ui, dealEdit(session, deal));
      if (next.session === session) return next;
      return { ...next, deal: EMPTY_DEAL, screen: 'country' };
    }
    case 'clear':
      return { ...ui, deal: EMPTY_DEAL, message: { text: 'deal draft cleared', tone: 'info' } };
    default:
      return ui;
  }
}
