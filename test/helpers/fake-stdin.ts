/**
 * A TTY stdin for Ink outside a real terminal: Ink reads keys with `read()` after a `readable` event,
 * so `write` queues one chunk (several keys may arrive together, as from a real terminal) and signals it.
 */
import { EventEmitter } from 'node:events';

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
