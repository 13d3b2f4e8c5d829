// Python protocols: Protocol API v2 in sandboxed Pyodide interpreters, driving the engine.
export { createPythonService } from './service.ts';
export type { PythonService } from './service.ts';
export { startInterpreterEarly } from './early.ts';
export { cachedSandboxFiles } from './bundle.ts';
