/**
 * The explorer: one reducer for the whole UI state, keys dispatched to it as they come, effects (save,
 * open) performed after a render and reported back, and the exit requested through state so the last
 * frame is drawn before Ink unmounts.
 */
import { Box, useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import { DEFAULT_IO, type ExplorerIo, performEffect } from './effects.js';
import { editCount, startName, isDirty } from '../explorer/session.js';
import type { KeyContext } from './keymap.js';
import { appReducer } from './reducers/app-reducer.js';
import type { UiState } from './ui-state.js';
import { useKeyDispatch } from './use-key-dispatch.js';
import { useTerminalSize } from './use-terminal-size.js';
import { ConfirmLine } from './views/ConfirmLine.js';
import { ErrorBoundary } from './views/ErrorBoundary.js';
import { Footer } from './views/Footer.js';
import { Header } from './views/Header.js';
import { MessageLine } from './views/MessageLine.js';
import { OverwriteLine } from './views/OverwriteLine.js';
import { PromptLine } from './views/PromptLine.js';
import { ScreenBody } from './views/ScreenBody.js';

export interface AppProps {
  readonly initial: UiState;
  readonly io?: ExplorerIo;
  readonly onExit?: (code: number) => void;
}

/** The key context of what is on screen (overlays first). */
export function keyContext(ui: UiState): KeyContext {
  switch (ui.overlay?.kind) {
    case 'prompt':
      return 'prompt';
    case 'confirm':
      return 'confirm';
    case 'overwrite':
      return 'overwrite';
    case 'seats':
      return 'seats';
    case 'transfer':
      return 'transfer';
    case 'sources':
      return 'sources';
    default:
      return ui.screen;
  }
}

export function App({ initial, io = DEFAULT_IO, onExit }: AppProps) {
  const [ui, dispatch] = useReducer(appReducer, initial);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  useKeyDispatch(dispatch);

  useEffect(() => {
    if (ui.effect) dispatch(performEffect(ui.effect, ui.session, io));
  }, [ui.effect, ui.session, io]);

  useEffect(() => {
    if (!ui.quit) return;
    onExit?.(ui.quit.code);
    exit();
  }, [ui.quit, onExit, exit]);

  // One line fewer than the terminal: Ink clears the whole screen on every frame as tall as it.
  const width = Math.max(20, columns);
  const height = Math.max(6, rows - 1);
  const overlay = ui.overlay;
  // The help lists every key, so it also takes the message and footer rows (the footer's hints are in it):
  // the council view's keys need 40 rows, two columns of 21 at 80×24.
  const helpOpen = overlay?.kind === 'help';
  const bodyHeight = height - (helpOpen ? 1 : 3);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header
        screen={ui.screen}
        start={startName(ui.session)}
        seats={ui.session.seats}
        edits={editCount(ui.session.done)}
        undone={ui.session.undone.length}
        dirty={isDirty(ui.session)}
        width={width}
      />
      <Box height={bodyHeight} flexDirection="column">
        <ErrorBoundary resetKey={ui}>
          <ScreenBody ui={ui} width={width} height={bodyHeight} />
        </ErrorBoundary>
      </Box>
      {helpOpen ? null : overlay?.kind === 'prompt' ? (
        <PromptLine purpose={overlay.purpose} text={overlay.text} width={width} />
      ) : overlay?.kind === 'confirm' ? (
        <ConfirmLine overlay={overlay} edits={ui.session.done.length} width={width} />
      ) : overlay?.kind === 'overwrite' ? (
        <OverwriteLine file={overlay.file} width={width} />
      ) : (
        <MessageLine message={ui.message} width={width} />
      )}
      {helpOpen ? null : <Footer context={keyContext(ui)} width={width} />}
    </Box>
  );
}
