/**
 * The screens shown in README.md and docs/tui-captures.md are the explorer's real frames: each block
 * after a `<!-- capture:<id> -->` marker must equal what the App draws for that capture, at its size.
 * `UPDATE_CAPTURES=1 npx vitest run test/ui/captures.test.tsx` rewrites the blocks from the frames.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSession } from '../../src/explorer/session.js';
import { seatSetOptions } from '../../src/explorer/queries.js';
import { App } from '../../src/ui/App.js';
import type { KeyFlags } from '../../src/ui/keymap.js';
import { appReducer } from '../../src/ui/reducers/app-reducer.js';
import { createUiState, type UiState } from '../../src/ui/ui-state.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { type FakeTerminal, renderAt, until } from './fake-terminal.js';

const ENTER: KeyFlags = { return: true };
const press = (ui: UiState, input: string, key: KeyFlags = {}): UiState => appReducer(ui, { type: 'keys', input, key });
const najaf = (ui: UiState): UiState => press(press(ui, 'jjjjjjj'), '', ENTER);
const preliminary = (ui: UiState): UiState => {
  const picking = press(ui, 'S');
  return press({ ...picking, overlay: { kind: 'seats', cursor: seatSetOptions(ui.session.dataset).findIndex((set) => set.id === 'preliminary') } }, '', ENTER);
};

interface Capture {
  readonly columns: number;
  readonly rows: number;
  readonly scenario?: string;
  readonly keys: (ui: UiState) => UiState;
  /** Text the frame shows once drawn. */
  readonly ready: string;
}

const CAPTURES: Readonly<Record<string, Capture>> = {
  'country-80x24': { columns: 80, rows: 24, keys: (ui) => ui, ready: 'Maysan' },
  'council-najaf-80x24': { columns: 80, rows: 24, keys: najaf, ready: 'Najaf | 15 members' },
  'council-najaf-edit-80x24': { columns: 80, rows: 24, keys: (ui) => press(najaf(ui), ' '), ready: 'NO MAJORITY' },
  'kirkuk-explanation-80x24': { columns: 80, rows: 24, scenario: 'kirkuk-2024', keys: (ui) => press(press(press(ui, 'jjj'), '', ENTER), '\t\t'), ready: '[explanation' },
  'compare-preliminary-80x24': { columns: 80, rows: 24, keys: (ui) => press(preliminary(ui), 'v'), ready: 'Baghdad (baghdad)' },
  'sources-najaf-80x24': { columns: 80, rows: 24, keys: (ui) => press(najaf(ui), 'i'), ready: 'Sources: Najaf' },
  'country-140x45': { columns: 140, rows: 45, keys: (ui) => ui, ready: 'Maysan' },
  'council-najaf-140x45': { columns: 140, rows: 45, keys: najaf, ready: 'Najaf | 15 members' },
};

const FILES = ['README.md', 'docs/tui-captures.md'];
const BLOCK = /<!-- capture:([a-z0-9-]+) -->\n```text\n([\s\S]*?)```/g;

let open: FakeTerminal | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

async function frame(id: string): Promise<string> {
  const capture = CAPTURES[id];
  if (!capture) throw new Error(`no capture named ${id}`);
  const ui = capture.keys(createUiState(openSession(capture.scenario)));
  open = renderAt(<App initial={ui} />, { columns: capture.columns, rows: capture.rows });
  await until(() => open!.lastFrame().includes(capture.ready), `capture ${id}`);
  const text = open.lastFrame().split('\n').map((line) => line.trimEnd()).join('\n').replace(/\n+$/, '');
  open.unmount();
  open = undefined;
  return `${text}\n`;
}

describe('the captures in the docs are the frames the explorer draws', () => {
  for (const file of FILES) {
    it(`${file}`, async () => {
      const path = join(REPO_ROOT, file);
      const text = readFileSync(path, 'utf8');
      const found = [...text.matchAll(BLOCK)];
      expect(found.length, `${file} has capture blocks`).toBeGreaterThan(0);
      let updated = text;
      for (const match of found) {
        const [, id, shown] = match;
        const drawn = await frame(id!);
        if (process.env.UPDATE_CAPTURES === '1') updated = updated.replace(match[0], `<!-- capture:${id} -->\n\`\`\`text\n${drawn}\`\`\``);
        else expect(shown, `${file}: capture ${id} (UPDATE_CAPTURES=1 regenerates it)`).toBe(drawn);
        // Every capture fits its terminal.
        const capture = CAPTURES[id!]!;
        const lines = drawn.trimEnd().split('\n');
        expect(lines.length).toBeLessThanOrEqual(capture.rows - 1);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(capture.columns);
      }
      if (updated !== text) writeFileSync(path, updated);
    });
  }

  it('both sizes are shown in each file', () => {
    for (const file of FILES) {
      const ids = [...readFileSync(join(REPO_ROOT, file), 'utf8').matchAll(BLOCK)].map((match) => match[1]!);
      expect(ids.some((id) => id.endsWith('80x24')), file).toBe(true);
      expect(ids.some((id) => id.endsWith('140x45')), file).toBe(true);
    }
  });
});
