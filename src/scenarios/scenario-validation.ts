/**
 * Scenario files in `govsim validate`: telling a scenario from a dataset file, and validating one
 * (schema, extends chain, dataset, every step applied to the state it meets).
 */
import { type LoadedScenario, loadScenario } from './scenario-loader.js';

/** Whether a parsed YAML/JSON value looks like a scenario file (rather than a dataset file). */
export function isScenarioDocument(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('name') && (keys.includes('steps') || keys.includes('extends') || keys.includes('expect')) && !keys.includes('councils');
}

/** Loads a scenario file for validation; throws the GovsimError that describes the first problem found. */
export function validateScenarioFile(path: string, options: { cwd?: string } = {}): LoadedScenario {
  return loadScenario(path, options);
}
