// The few WebAssembly calls the sandbox child makes, typed here: the project's TypeScript setup
// (no DOM library) declares no WebAssembly values.

/** A compiled WebAssembly module (immutable; can be handed to worker threads). */
export interface WasmModule {
  readonly __compiledWasmModule?: never;
}

export type WasmImports = Record<string, Record<string, unknown>>;

export interface WasmApi {
  Module: abstract new (...args: never[]) => WasmModule;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(source: unknown, imports?: WasmImports): Promise<unknown>;
}

export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
