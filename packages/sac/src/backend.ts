// Picks the tfjs backend the learner trains on: tensorflow (tfjs-node-gpu, then tfjs-node), else wasm, else cpu.
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The three tfjs backends the learner can run on, in order of preference. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** What a started backend reports about itself; recorded in the run. */
export interface BackendStart {
  /** Where the math runs, e.g. "cuda", "cpu (libtensorflow)", "wasm-simd, 1 thread", "js". */
  device: string;
  /** The npm package that provided the backend. */
  packageName: string;
}

/** One backend the selector may try: `start` throws an Error saying why it cannot run here. */
export interface BackendCandidate {
  name: BackendName;
  start(): Promise<BackendStart>;
}

/** The outcome of backend selection. */
export interface BackendChoice extends BackendStart {
  backend: BackendName;
  /** Backends tried before this one and why they did not start (empty when forced or when the first worked). */
  skipped: { backend: BackendName; reason: string }[];
}

/** Checks a `--backend` value. */
export function parseBackendName(value: string): BackendName {
  if ((BACKEND_NAMES as readonly string[]).includes(value)) return value as BackendName;
  throw new Error(`backend: expected one of ${BACKEND_NAMES.join(', ')}, received "${value}"`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts the first candidate that works, in the order given, or exactly the forced one.
 * A forced backend that fails is an error (no silent fallback); so is "none of them started".
 */
export async function chooseBackend(
  candidates: readonly BackendCandidate[],
  forced?: BackendName,
): Promise<BackendChoice> {
  if (forced !== undefined) {
    const candidate = candidates.find((c) => c.name === forced);
    if (!candidate) {
      throw new Error(
        `backend: "${forced}" was requested but is not available here (available: ${candidates.map((c) => c.name).join(', ')})`,
      );
    }
    try {
      return { backend: forced, ...(await candidate.start()), skipped: [] };
    } catch (error) {
      throw new Error(`backend: "${forced}" was requested but could not be started: ${reasonOf(error)}`);
    }
  }
  const skipped: BackendChoice['skipped'] = [];
  for (const candidate of candidates) {
    try {
      return { backend: candidate.name, ...(await candidate.start()), skipped };
    } catch (error) {
      skipped.push({ backend: candidate.name, reason: reasonOf(error) });
    }
  }
  throw new Error(
    `backend: no tfjs backend could be started (${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')})`,
  );
}

/** Loads an optional package by name; a variable specifier keeps bundlers and tsc from requiring it. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;
const importOptional: ModuleImporter = (specifier) => import(specifier);

/** The device the tfjs-node kernel backend reports (`isUsingGpuDevice` is set by tfjs-node-gpu with CUDA). */
export function describeTensorflowDevice(backend: unknown): string {
  const info = backend as { isUsingGpuDevice?: boolean; isGPUPackage?: boolean } | undefined;
  if (info?.isUsingGpuDevice === true) return 'cuda';
  if (info?.isGPUPackage === true) return 'cpu (libtensorflow-gpu found no CUDA device)';
  return 'cpu (libtensorflow)';
}

/**
 * The tensorflow backend: tries `@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`. Either must register its
 * backend on the same tfjs-core instance this package uses (same version, deduplicated by npm).
 */
export function tensorflowCandidate(importer: ModuleImporter = importOptional): BackendCandidate {
  return {
    name: 'tensorflow',
    async start() {
      const failures: string[] = [];
      for (const packageName of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
        try {
          await importer(packageName);
        } catch (error) {
          failures.push(`${packageName} did not load (${reasonOf(error).split('\n')[0]})`);
          continue;
        }
        if (!tf.findBackendFactory('tensorflow')) {
          failures.push(
            `${packageName} loaded but registered no "tensorflow" backend on this tfjs-core ${tf.version_core} (version mismatch?)`,
          );
          continue;
        }
        if (!(await tf.setBackend('tensorflow'))) {
          failures.push(`${packageName} loaded but its backend failed to initialise`);
          continue;
        }
        return { device: describeTensorflowDevice(tf.backend()), packageName };
      }
      throw new Error(failures.join('; '));
    },
  };
}

/** Directory holding the `.wasm` binaries shipped in `@tensorflow/tfjs-backend-wasm/dist`, resolved in Node. */
export function wasmBinaryDirectory(): string {
  const require = createRequire(import.meta.url);
  return `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

/** The wasm backend (XNNPACK, SIMD; single-threaded in Node). `setBackend` returning false is a failure. */
export function wasmCandidate(importer: ModuleImporter = importOptional): BackendCandidate {
  return {
    name: 'wasm',
    async start() {
      const wasm = (await importer('@tensorflow/tfjs-backend-wasm')) as {
        setWasmPaths(prefix: string): void;
      };
      if (typeof process !== 'undefined' && process.versions?.node) wasm.setWasmPaths(wasmBinaryDirectory());
      if (!(await tf.setBackend('wasm'))) {
        throw new Error('tf.setBackend("wasm") returned false (the .wasm binary was not found or failed to compile)');
      }
      const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
      return { device: `wasm${simd ? '-simd' : ''}, 1 thread`, packageName: '@tensorflow/tfjs-backend-wasm' };
    },
  };
}

/** The pure-JavaScript cpu backend (slow; a fallback for debugging). */
export function cpuCandidate(): BackendCandidate {
  return {
    name: 'cpu',
    async start() {
      if (!(await tf.setBackend('cpu'))) throw new Error('tf.setBackend("cpu") returned false');
      return { device: 'js', packageName: '@tensorflow/tfjs-backend-cpu' };
    },
  };
}

/** The default order: tensorflow, wasm, cpu. */
export function defaultBackendCandidates(importer: ModuleImporter = importOptional): BackendCandidate[] {
  return [tensorflowCandidate(importer), wasmCandidate(importer), cpuCandidate()];
}

/** Selects and starts the training backend (forced by `--backend` when given). */
export async function selectBackend(forced?: BackendName): Promise<BackendChoice> {
  const choice = await chooseBackend(defaultBackendCandidates(), forced);
  await tf.ready();
  return choice;
}

/** One line for the console and the run record, e.g. "backend wasm (wasm-simd, 1 thread) from @tensorflow/tfjs-backend-wasm". */
export function formatBackendChoice(choice: BackendChoice): string {
  const skipped = choice.skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ');
  return `backend ${choice.backend} (${choice.device}) from ${choice.packageName}${skipped ? ` [skipped ${skipped}]` : ''}`;
}
