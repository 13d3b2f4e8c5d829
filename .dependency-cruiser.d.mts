// Types of .dependency-cruiser.mjs for the test that runs it.
import type { IConfiguration } from 'dependency-cruiser';

export declare const LAYERS: string[][];
declare const config: IConfiguration & { forbidden: NonNullable<IConfiguration['forbidden']>; options: NonNullable<IConfiguration['options']> };
export default config;
