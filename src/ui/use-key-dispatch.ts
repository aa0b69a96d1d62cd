/**
 * Input binding: every key Ink reports goes to the reducer as an action, nothing is decided here, so
 * keys arriving together are applied in order on the latest state.
 */
import { type Key, useInput } from 'ink';
import { type Dispatch, useCallback } from 'react';
import type { UiAction } from './reducers/app-reducer.js';

export function useKeyDispatch(dispatch: Dispatch<UiAction>): void {
  const onInput = useCallback(
    (input: string, key: Key) => {
      dispatch({ type: 'keys', input, key });
    },
    [dispatch],
  );
  useInput(onInput);
}
