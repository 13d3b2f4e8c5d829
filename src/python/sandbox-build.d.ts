// Types of sandbox-build.js (plain JavaScript so bin/compiled-cli.js can run it without tsx).
import type { build, OutputFile, Plugin } from 'esbuild';
export declare function keepSourceLocation(): Plugin;
export declare function bundleSandbox(esbuildBuild: typeof build, pythonSrcDir: string): Promise<OutputFile[]>;
