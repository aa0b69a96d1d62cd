/**
 * Keeps a rendering bug from taking the terminal down: the screen shows the error and the keys keep
 * working (q still quits). The boundary resets on the next state change.
 */
import { Text } from 'ink';
import { Component, type ReactNode } from 'react';

interface Props {
  readonly resetKey: unknown;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly key: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Text color="red" wrap="wrap">
          {`✗ This view failed to draw: ${this.state.error.message}. Press esc to go back or q to quit; please report it.`}
        </Text>
      );
    }
    return this.props.children;
  }
}
