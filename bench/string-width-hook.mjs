// Module hook for the explorer's in-process bench: Ink and its helpers get the string-width the
// bundle gives them (scripts/build.mjs routes their imports to src/ui/fast-string-width.ts).
const fast = new URL('../src/ui/fast-string-width.ts', import.meta.url).href;
const users = ['/node_modules/ink/', '/node_modules/widest-line/', '/node_modules/cli-truncate/'];

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'string-width' && users.some((dir) => context.parentURL?.includes(dir))) return nextResolve(fast, context);
  return nextResolve(specifier, context);
}
