import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Registers toFormMajority, toElectGovernor, toDeadlock, toLackQuorum, toBePivotal, toHingeOn, toHaveGroup.
    setupFiles: ['govsim/vitest'],
  },
});
