/** `govsim/vitest`: custom matchers for council outcomes (registered with expect.extend). */
export {};
