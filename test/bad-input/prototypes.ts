/**
 * Prototype-pollution checks. In process: snapshot the built-in prototypes before loading bad input and
 * compare after. In a subprocess: the same comparison, preloaded with `node --import <data URL>` and run
 * at exit, reporting on stderr and with exit code 99.
 */
const BUILT_INS = ['Object', 'Array', 'Function', 'String', 'Number', 'Boolean', 'RegExp', 'Map', 'Set', 'Promise', 'Error'] as const;

type Prototype = Record<string | symbol, unknown>;

function prototypeOf(name: (typeof BUILT_INS)[number]): Prototype {
  return (globalThis[name] as unknown as { prototype: Prototype }).prototype;
}

/** Every own property of every built-in prototype, with its value (or getter). */
export type PrototypeSnapshot = readonly ReadonlyMap<string | symbol, unknown>[];

/** The property's value, or its getter for accessors. */
function valueOf(target: Prototype, key: string | symbol): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor === undefined ? undefined : (Reflect.get(descriptor, 'get') ?? descriptor.value);
}

export function snapshotPrototypes(): PrototypeSnapshot {
  return BUILT_INS.map((name) => {
    const target = prototypeOf(name);
    return new Map(Reflect.ownKeys(target).map((key) => [key, valueOf(target, key)]));
  });
}

/** What changed since `before`, as `Object.prototype.polluted` entries; empty when nothing did. */
export function prototypeChanges(before: PrototypeSnapshot): string[] {
  const changes: string[] = [];
  BUILT_INS.forEach((name, i) => {
    const target = prototypeOf(name);
    const earlier = before[i]!;
    const keys = Reflect.ownKeys(target);
    for (const key of keys) {
      if (!earlier.has(key) || earlier.get(key) !== valueOf(target, key)) changes.push(`${name}.prototype.${String(key)}`);
    }
    for (const key of earlier.keys()) if (!keys.includes(key)) changes.push(`${name}.prototype.${String(key)} (removed)`);
  });
  // The fixtures plant `polluted`; a plain object must not see it, whatever route it took.
  if (({} as Record<string, unknown>)['polluted'] !== undefined) changes.push('({}).polluted');
  return changes;
}

export const POLLUTION_MARKER = 'PROTOTYPE CHANGED';

/** The subprocess preload: the same check as `prototypeChanges`, in plain JavaScript. */
const GUARD_SOURCE = `
const names = ${JSON.stringify(BUILT_INS)};
const valueOf = (target, key) => { const d = Object.getOwnPropertyDescriptor(target, key); return d && (d.get || d.value); };
const before = names.map((name) => { const p = globalThis[name].prototype; return new Map(Reflect.ownKeys(p).map((k) => [k, valueOf(p, k)])); });
process.on('exit', () => {
  const changes = [];
  names.forEach((name, i) => {
    const p = globalThis[name].prototype;
    const keys = Reflect.ownKeys(p);
    for (const k of keys) if (!before[i].has(k) || before[i].get(k) !== valueOf(p, k)) changes.push(name + '.prototype.' + String(k));
    for (const k of before[i].keys()) if (!keys.includes(k)) changes.push(name + '.prototype.' + String(k) + ' (removed)');
  });
  if ({}.polluted !== undefined) changes.push('({}).polluted');
  if (changes.length > 0) { process.stderr.write('${POLLUTION_MARKER}: ' + changes.join(', ') + '\\n'); process.exitCode = 99; }
});
`;

export const PROTOTYPE_GUARD_IMPORT = `data:text/javascript,${encodeURIComponent(GUARD_SOURCE)}`;
