/**
 * A bad key of a map (faction → seats, post → winner, …) is refused with what the key must be, in
 * scenario files, their `probabilities:` block and dataset files alike, not with zod's bare
 * "Invalid key in record".
 */
import { describe, expect, it } from 'vitest';
import { datasetSchemas } from '../../src/dataset/dataset-schema.js';
import { GovsimDataError } from '../../src/model/errors.js';
import { scenarioFromDocument } from '../../src/scenarios/scenario-loader.js';

function scenarioIssues(document: Parameters<typeof scenarioFromDocument>[0]): string[] {
  try {
    scenarioFromDocument(document);
  } catch (error) {
    expect(error).toBeInstanceOf(GovsimDataError);
    return (error as GovsimDataError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('accepted');
}

describe('record keys', () => {
  it('a scenario step names the faction id it expected', () => {
    expect(scenarioIssues({ name: 'x', steps: [{ split: { council: 'najaf', list: 'nabni', into: { Badr: 3 } } }] })).toEqual([
      'steps[0].split.into.Badr: expected a faction id: lowercase letters, digits and hyphens, at most 100',
    ]);
  });

  it('a dataset faction split names the faction id it expected', () => {
    const result = datasetSchemas().FactionSplit.safeParse({ seats: { 'Badr Org': 1 }, confidence: 'inferred', method: 'faction-split' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toContain(
      'seats.Badr Org: expected a faction id: lowercase letters, digits and hyphens, at most 100',
    );
  });

  it('a map that is not a map keeps zod\'s own text: only a bad key is reworded', () => {
    expect(scenarioIssues({ name: 'x', steps: [{ split: { council: 'najaf', list: 'nabni', into: 3 } }] })).toEqual([
      'steps[0].split.into: Invalid input: expected record, received number',
    ]);
    expect(scenarioIssues({ name: 'x', probabilities: { defect: 5 } })).toEqual(['probabilities.defect: Invalid input: expected record, received number']);
    expect(scenarioIssues({ name: 'x', probabilities: { councils: [] } })).toEqual(['probabilities.councils: Invalid input: expected record, received array']);
    const result = datasetSchemas().FactionSplit.safeParse({ seats: 'badr', confidence: 'inferred', method: 'faction-split' });
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toContain('seats: Invalid input: expected record, received string');
  });
});
