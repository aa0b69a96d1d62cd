/**
 * Threshold formulas in scenario files (`rules.majority: ceil(2*members/3)`), evaluated exactly in a
 * restricted mathjs instance.
 *
 * Loading: the scenario loader is synchronous (and so are the library's `loadScenario`, the explorer
 * and the vitest matchers), so mathjs is loaded synchronously, on the first formula only, through
 * `createRequire` (mathjs ships a CommonJS build under the `require` condition). Scenarios without a
 * formula never load it, and the CLI bundle does not contain it: mathjs costs about 0.9 s to load.
 *
 * Safety: the instance is created with `number: 'Fraction'` (every literal is an exact fraction),
 * `parse` is captured before `import`, `createUnit`, `evaluate`, `parse`, `simplify`, `derivative`,
 * `resolve`, `compile` and `reviver` are disabled (docs/expressions/security.md), and the parsed tree
 * is walked with an allow-list: numbers, the symbol `members`, + - * / ^ and unary minus, parentheses,
 * and floor, ceil, round, min, max, abs. Nothing else (assignments, function definitions, property
 * access, indexing, objects, arrays, strings, other symbols or functions) gets past the walk, which
 * also evaluates: there is no `compile`, and every intermediate value is bounded in size.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';
import type { CouncilRules, RunoffRule } from '../model/council.js';
import { GovsimDataError } from '../model/errors.js';

/** Longest formula accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 200;
/** Functions a formula may call. */
export const THRESHOLD_FUNCTIONS: readonly string[] = ['floor', 'ceil', 'round', 'min', 'max', 'abs'];
/** The only variable a formula may use: all members of the council (present or not). */
export const THRESHOLD_SYMBOL = 'members';

/** Bits any numerator or denominator may reach while evaluating (keeps `members^99^99` from running away). */
const MAX_BITS = 512;
const MAX_EXPONENT = 64;

/** The scenario's rule overrides as written: thresholds are integers or formulas over `members`. */
export interface ScenarioRules {
  readonly runoff?: RunoffRule;
  readonly governorVacatesSeat?: boolean;
  readonly majority?: string | number;
  readonly quorum?: string | number;
}

export interface ExpressionWhere {
  readonly file?: string | undefined;
  /** Path inside the file, e.g. `rules.majority`. */
  readonly path: string;
}

type Fraction = MathJs.Fraction;

interface Engine {
  readonly parse: (expression: string) => unknown;
  readonly math: MathJs.MathJsInstance;
}

let engine: Engine | undefined;

/** The restricted instance, created on first use (loading mathjs is the expensive part). */
function mathEngine(): Engine {
  if (engine) return engine;
  const load = createRequire(import.meta.url);
  const { create, all } = load('mathjs') as typeof MathJs;
  const math = create(all!, { number: 'Fraction' });
  // Capture before disabling: instance functions are created lazily and would call the disabled ones.
  const parse = math.parse.bind(math);
  const disabled = (name: string) => (): never => {
    throw new Error(`Function ${name} is disabled`);
  };
  math.import(
    Object.fromEntries(['import', 'createUnit', 'reviver', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile'].map((name) => [name, disabled(name)])),
    { override: true },
  );
  engine = { parse, math };
  return engine;
}

/** The parts of a mathjs node the walk reads. */
interface ExpressionNode {
  readonly type: string;
  readonly value?: unknown;
  readonly name?: string;
  readonly op?: string;
  readonly fn?: unknown;
  readonly args?: readonly ExpressionNode[];
  readonly content?: ExpressionNode;
}

class Rejection extends Error {}

const NODE_WORDS: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignments are not allowed',
  FunctionAssignmentNode: 'function definitions are not allowed',
  AccessorNode: 'property access and indexing are not allowed',
  IndexNode: 'property access and indexing are not allowed',
  ObjectNode: 'objects are not allowed',
  ArrayNode: 'arrays and matrices are not allowed',
  BlockNode: 'only one expression is allowed',
  ConditionalNode: 'conditionals are not allowed',
  RangeNode: 'ranges are not allowed',
  RelationalNode: 'comparisons are not allowed',
};

/** Parsed formulas and results, keyed by everything they depend on; emptied past a bound (a batch of many files). */
const trees = new Map<string, ExpressionNode>();
const results = new Map<string, number>();
const MEMO_LIMIT = 4096;

/**
 * Evaluates a threshold formula for a council of `scope.members` members. The result must be an
 * integer from 1 to members. Throws GovsimDataError(where.file, [{ path: where.path, message }]) for a
 * formula that is too long, does not parse, uses anything outside the allow-list, or evaluates to
 * something else. Results are memoised by formula and council size.
 */
export function evaluateThreshold(expression: string, scope: { members: number }, where: ExpressionWhere): number {
  const key = `${scope.members}\0${expression}`;
  const known = results.get(key);
  if (known !== undefined) return known;
  const fail = (message: string): never => {
    throw new GovsimDataError(where.file, [{ path: where.path, message: `${message} (in "${shown(expression)}")` }]);
  };
  if (expression.length > MAX_EXPRESSION_LENGTH) fail(`formula too long: ${expression.length} characters, at most ${MAX_EXPRESSION_LENGTH}`);
  if (expression.trim() === '') fail('empty formula: write an integer or a formula over `members`, e.g. ceil(2*members/3)');
  const { parse, math } = mathEngine();
  let tree = trees.get(expression);
  if (!tree) {
    try {
      tree = parse(expression) as ExpressionNode;
    } catch (error) {
      return fail(`cannot parse the formula: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      check(tree);
    } catch (error) {
      if (error instanceof Rejection) fail(error.message);
      throw error;
    }
    if (trees.size >= MEMO_LIMIT) trees.clear();
    trees.set(expression, tree);
  }
  let value: Fraction;
  try {
    value = evaluate(tree, math, math.fraction(scope.members));
  } catch (error) {
    if (error instanceof Rejection) return fail(error.message);
    return fail(`cannot evaluate the formula: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value.d !== 1n) {
    fail(`for ${scope.members} members the formula gives ${math.format(value)}, not a whole number of votes: round it with floor(…) or ceil(…)`);
  }
  const result = Number(value.s * value.n);
  if (result < 1 || result > scope.members) fail(`for ${scope.members} members the formula gives ${result}; a threshold must be from 1 to ${scope.members} (members)`);
  if (results.size >= MEMO_LIMIT) results.clear();
  results.set(key, result);
  return result;
}

function shown(expression: string): string {
  return expression.length > 40 ? `${expression.slice(0, 37)}...` : expression;
}

/** The allow-list, checked over the whole tree before anything is evaluated. */
function check(node: ExpressionNode): void {
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value === 'string') throw new Rejection('strings are not allowed');
      if (typeof node.value !== 'object' || node.value === null || !('d' in node.value)) throw new Rejection(`only numbers are allowed, not ${String(node.value)}`);
      return;
    case 'SymbolNode':
      if (node.name !== THRESHOLD_SYMBOL) throw new Rejection(`unknown symbol "${node.name}": the only variable is \`${THRESHOLD_SYMBOL}\``);
      return;
    case 'ParenthesisNode':
      check(node.content!);
      return;
    case 'OperatorNode': {
      const args = node.args ?? [];
      const binary = args.length === 2 && ['+', '-', '*', '/', '^'].includes(node.op!);
      const negation = node.fn === 'unaryMinus'; // mathjs always gives unaryMinus exactly one argument
      if (!binary && !negation) throw new Rejection(`operator "${node.op}" is not allowed (allowed: + - * / ^ and unary minus)`);
      args.forEach(check);
      return;
    }
    case 'FunctionNode': {
      const fn = node.fn as ExpressionNode | undefined;
      // `members.constructor(...)`: the callee itself is what is not allowed.
      if (fn !== undefined && fn.type !== 'SymbolNode') check(fn);
      const name = fn?.type === 'SymbolNode' ? fn.name : undefined;
      if (name === undefined || !THRESHOLD_FUNCTIONS.includes(name)) {
        throw new Rejection(`function ${name === undefined ? '' : `"${name}" `}is not allowed (allowed: ${THRESHOLD_FUNCTIONS.join(', ')})`);
      }
      const args = node.args ?? [];
      if (args.length === 0 || (name !== 'min' && name !== 'max' && args.length !== 1)) throw new Rejection(`${name} takes ${name === 'min' || name === 'max' ? 'one or more arguments' : 'one argument'}`);
      args.forEach(check);
      return;
    }
    default:
      throw new Rejection(NODE_WORDS[node.type] ?? `${node.type} is not allowed`);
  }
}

function bits(value: Fraction): number {
  return Math.max(value.n.toString(2).length, value.d.toString(2).length);
}

function bounded(value: unknown, math: MathJs.MathJsInstance): Fraction {
  if (!math.isFraction(value)) throw new Rejection('the formula does not evaluate to an exact number');
  if (bits(value) > MAX_BITS) throw new Rejection('an intermediate value is too large');
  return value;
}

/** Evaluates a checked tree with the instance's exact Fraction arithmetic. */
function evaluate(node: ExpressionNode, math: MathJs.MathJsInstance, members: Fraction): Fraction {
  const at = (child: ExpressionNode): Fraction => evaluate(child, math, members);
  switch (node.type) {
    case 'ConstantNode':
      return bounded(node.value, math);
    case 'SymbolNode':
      return members;
    case 'ParenthesisNode':
      return at(node.content!);
    case 'OperatorNode': {
      const [a, b] = (node.args ?? []).map(at);
      if (b === undefined) return bounded(math.unaryMinus(a!), math);
      switch (node.op) {
        case '+':
          return bounded(math.add(a!, b), math);
        case '-':
          return bounded(math.subtract(a!, b), math);
        case '*':
          return bounded(math.multiply(a!, b), math);
        case '/':
          return bounded(math.divide(a!, b), math);
        default: {
          // '^': an integer exponent keeps the result exact; its size is bounded before computing it.
          if (b.d !== 1n) throw new Rejection('exponents must be whole numbers');
          const exponent = Number(b.n); // |exponent|: Fraction keeps the sign in `s`
          if (exponent > MAX_EXPONENT || bits(a!) * exponent > MAX_BITS) throw new Rejection('an intermediate value is too large');
          // mathjs' typings omit a Fraction exponent; at runtime a Fraction to an integer power stays a Fraction.
          return bounded(math.pow(a!, b as unknown as number), math);
        }
      }
    }
    default: {
      // 'FunctionNode': check() lets no other node type through.
      const name = (node.fn as ExpressionNode).name;
      const args = (node.args ?? []).map(at);
      const first = args[0]!;
      switch (name) {
        case 'floor':
          return bounded(math.floor(first), math);
        case 'ceil':
          return bounded(math.ceil(first), math);
        case 'round':
          return bounded(math.round(first), math);
        case 'abs':
          return bounded(math.abs(first), math);
        case 'min':
          return bounded(args.reduce((x, y) => (math.smaller(y, x) ? y : x)), math);
        default:
          return bounded(args.reduce((x, y) => (math.larger(y, x) ? y : x)), math);
      }
    }
  }
}

/** `scenario rule ceil(2*members/3)`, or `scenario rule: a fixed 10`. */
function basisOf(value: string | number): string {
  return typeof value === 'number' ? 'scenario rule (a fixed number)' : `scenario rule ${value.trim()}`;
}

function integerThreshold(value: number, members: number, where: ExpressionWhere): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > members) {
    throw new GovsimDataError(where.file, [{ path: where.path, message: `a threshold must be an integer from 1 to ${members} (members), got ${value}` }]);
  }
  return value;
}

/**
 * The model rules of a council of `members` members: formulas evaluated, integers checked, each with
 * its basis for the explanation. Without a threshold the other rules pass through unchanged.
 */
export function councilRulesFor(rules: ScenarioRules, members: number, file?: string): Partial<CouncilRules> {
  const { majority, quorum, ...rest } = rules;
  const threshold = (value: string | number, path: string): number =>
    typeof value === 'number' ? integerThreshold(value, members, { file, path }) : evaluateThreshold(value, { members }, { file, path });
  return {
    ...rest,
    ...(majority !== undefined ? { majority: threshold(majority, 'rules.majority'), basis: basisOf(majority) } : {}),
    ...(quorum !== undefined ? { quorum: threshold(quorum, 'rules.quorum'), quorumBasis: basisOf(quorum) } : {}),
  };
}
