// Types of what eslint.config.js exports besides the config, for test/unit/import-graph.test.ts and
// test/unit/lint-boundary.test.ts.
import type { Linter } from 'eslint';

export declare const LAYERS: readonly string[];
export declare const modelBoundary: unknown;
export declare function layerBoundary(layer: string, options?: { nodeModulesPaths?: boolean }): unknown;
export declare const NODE_MODULES_PATH_EXCEPTION: { readonly file: string; readonly imports: string };
declare const config: Linter.Config[];
export default config;
