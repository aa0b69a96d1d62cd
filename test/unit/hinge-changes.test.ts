/**
 * The change behind each hinge line, which the explorer applies on enter: one per line, in order, and
 * the line names exactly that change (a move names its first target first).
 */
import { describe, expect, it } from 'vitest';
import { changeText } from '../../src/model/analysis/index.js';
import { hingeChanges } from '../../src/explorer/paths.js';
import { councilDetail } from '../../src/explorer/queries.js';
import { openSession } from '../../src/explorer/session.js';

describe('hinge changes', () => {
  for (const ref of ['baseline', 'what-would-it-take', 'wasit-one-seat', 'badr-sadr-najaf-maysan']) {
    it(`match the hinge lines one for one in every council of ${ref}`, () => {
      const session = openSession(ref);
      let seen = 0;
      for (const id of session.state.councilOrder) {
        const lines = councilDetail(session, id).hinges;
        const changes = hingeChanges(session, id);
        expect(changes, id).toHaveLength(lines.length);
        changes.forEach((change, i) => {
          expect(lines[i]!.startsWith(`${changeText(change)}${change.kind === 'move' ? '' : ':'}`), `${id}: ${lines[i]}`).toBe(true);
          if (change.kind === 'move') expect(lines[i]!).toMatch(new RegExp(`^move 1 seat ${change.from} → ${change.to}[,: ]`));
        });
        seen += lines.length;
      }
      // Basra alone has three (Tasmim 12 of 12: absent, votes against, a move to any other unit).
      expect(seen).toBeGreaterThanOrEqual(3);
    });
  }
});
