// Types of user-cache.js (plain JavaScript so bin/labwright.js can run it without tsx).
export declare const IN_USE_MS: number;
export declare const KEEP_OTHER_KEYS: number;
export declare function userCacheRoot(env?: NodeJS.ProcessEnv): string;
export declare function computeSourceKey(repoRoot: string): string;
export declare function sourceKey(repoRoot: string): string;
export declare function markUsed(dir: string): void;
export declare function sweepStaleKeys(root: string, currentKey: string, now?: number): string[];
export declare function keyFolder(repoRoot: string): string;
export declare function compiledCliEntry(repoRoot: string): string | null;
export declare function publishFolder(built: string, target: string): void;
export declare function publishFiles(files: readonly { path: string; contents: Uint8Array }[], target: string): void;
export declare function temporaryBuildFolder(root: string): string;
export declare function writeFileAtomic(target: string, data: string | Uint8Array): void;
