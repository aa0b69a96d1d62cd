/** The tie rule between deals in one council (docs/semantics.md, "Deciding each council"), on a hand-computed Wasit case. */
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/scenarios/builder.js';
import { runScenario } from '../../src/scenarios/runner.js';

// Wasit (data/iraq-2023/councils/wasit.yaml): wasit-ajmal 8, state-of-law 3, nabni 2, nsf 2, quota-feyli 1 = 16; majority 9.
// Deal "sol-feyli": state-of-law 3 + quota-feyli 1 = 4; deal "nabni-nsf": nabni 2 + nsf 2 = 4. Equal votes, both short of 9.
const solFeyli = { id: 'sol-feyli', parties: ['state-of-law', 'quota-feyli'], councils: ['wasit'], governor: 'state-of-law' };
const nabniNsf = { id: 'nabni-nsf', parties: ['nabni', 'nsf'], councils: ['wasit'], governor: 'nabni' };

function wasit(deals: readonly (typeof solFeyli)[]): { status: string; via: string | null; votes: number } {
  const builder = scenario('tie');
  for (const deal of deals) builder.deal(deal);
  const outcome = runScenario(builder.load()).councils.find((council) => council.id === 'wasit')!.outcome;
  return { status: outcome.status, via: outcome.via, votes: outcome.votes };
}

describe('two deals with equal votes in one council', () => {
  it('report the deal declared first, whichever it is, and nobody is elected', () => {
    expect(wasit([solFeyli, nabniNsf])).toEqual({ status: 'deadlock', via: 'sol-feyli', votes: 4 });
    expect(wasit([nabniNsf, solFeyli])).toEqual({ status: 'deadlock', via: 'nabni-nsf', votes: 4 });
  });

  it('a deal with more votes wins over one declared earlier', () => {
    // nabni 2 + nsf 2 + feyli 1 = 5 > sol 3.
    const sol = { ...solFeyli, id: 'sol', parties: ['state-of-law'] };
    const bigger = { ...nabniNsf, parties: ['nabni', 'nsf', 'quota-feyli'] };
    expect(wasit([sol, bigger])).toEqual({ status: 'deadlock', via: 'nabni-nsf', votes: 5 });
  });

  it('under a low scenario threshold, a deal outvoted by a list is written as outvoted, not as lacking quorum', () => {
    // Majority 4 (rules.majority), all 16 present (quorum 9 met): wasit-ajmal alone 8 ≥ 4; sol-feyli 3 + 1 = 4 ≥ 4; 8 > 4.
    const council = runScenario(scenario('low').rules({ majority: 4 }).deal(solFeyli).load()).councils.find((c) => c.id === 'wasit')!;
    expect(council.outcome).toMatchObject({ status: 'elected', via: 'wasit-ajmal', votes: 8 });
    expect(council.decision).toContain('list wasit-ajmal: wasit-ajmal 8 = 8 ≥ 4 ⇒ elected');
    expect(council.decision).toContain('deal sol-feyli: state-of-law 3 + quota-feyli 1 = 4 ≥ 4, fewer votes than another alignment ⇒ not elected');
    expect(council.decision).not.toContain('no quorum');
  });

  it('a lone unit that reaches a low threshold without quorum is not written as below it', () => {
    // Majority 4, quorum 9 (floor(16/2) + 1); only wasit-ajmal's 8 attend: 8 ≥ 4 but 8 < 9 present.
    const absent = { council: 'wasit', units: ['state-of-law', 'nabni', 'nsf', 'quota-feyli'] };
    const council = runScenario(scenario('thin').rules({ majority: 4 }).absent(absent).load()).councils.find((c) => c.id === 'wasit')!;
    expect(council.outcome.status).not.toBe('elected');
    expect(council.decision).toContain('alone: wasit-ajmal 8 ≥ 4');
    expect(council.decision).not.toContain('each <');
  });

  it('lone units all below the threshold are summed up as such', () => {
    // Default majority 9: wasit-ajmal 8 and every other list alone are below it.
    const council = runScenario(scenario('plain').load()).councils.find((c) => c.id === 'wasit')!;
    expect(council.decision).toContain('alone: wasit-ajmal 8, state-of-law 3, nabni 2, nsf 2, quota-feyli 1 (each < 9)');
  });
});
