// Answers getCurves: the grouped learning curves of a sweep under `<runs>/sweeps/<name>`, via @rapier-gym/experiments.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { groupedCurves, loadCurveSource, parseSmoothing, resolveMetric, type GroupedCurves } from '@rapier-gym/experiments/curves';
import type { CurvesMessage, GetCurvesMessage } from '@rapier-gym/protocol';
import { METRICS_COLUMNS } from '@rapier-gym/sac';
import { assertRunName, isRunName } from './safe-names.js';
import { ServerError } from './server-errors.js';

/** Folder under the runs directory where sweeps live (rapier-gym sweep's default store is runs/sweeps/<name>). */
export const SWEEPS_FOLDER = 'sweeps';
/** Most groups one curves message carries (the protocol's limit). */
export const MAX_CURVE_GROUPS = 1000;

/** Sweep folder names under `<runsDir>/sweeps/` (those holding a sweep.json), sorted. */
export function listSweeps(runsDir: string): string[] {
  const dir = join(runsDir, SWEEPS_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => isRunName(name) && existsSync(join(dir, name, 'sweep.json')))
    .sort();
}

/** The wire form of grouped curves (parallel arrays per group). */
export function toCurvesMessage(sweep: string, curves: GroupedCurves, requestId?: string): CurvesMessage {
  return {
    type: 'curves',
    ...(requestId === undefined ? {} : { requestId }),
    sweep,
    metric: curves.metric.column,
    metricTitle: curves.metric.title,
    band: curves.band,
    groupFields: curves.groupFields,
    groups: curves.groups.slice(0, MAX_CURVE_GROUPS).map((group) => ({
      label: group.label,
      runs: group.runIds.length,
      expectedRuns: group.expectedRuns,
      steps: group.points.map((p) => p.step),
      mean: group.points.map((p) => p.mean),
      lower: group.points.map((p) => p.lower),
      upper: group.points.map((p) => p.upper),
      counts: group.points.map((p) => p.n),
    })),
  };
}

/**
 * Reads the sweep named in the request and aggregates its curves. Errors are ServerErrors whose messages name the
 * sweep relative to the runs folder (never an absolute path): unknown sweep → not_found with the sweeps there,
 * unknown metric → not_found with the choices, unreadable sweep.json or config.json → corrupt_file.
 */
export function readSweepCurves(runsDir: string | undefined, request: GetCurvesMessage): CurvesMessage {
  if (runsDir === undefined) throw new ServerError('unsupported', 'getCurves: this server was started without a runs directory, so it has no sweeps');
  const name = assertRunName(request.sweep);
  const dir = join(runsDir, SWEEPS_FOLDER, name);
  if (!existsSync(join(dir, 'sweep.json'))) {
    const known = listSweeps(runsDir);
    throw new ServerError('not_found', `no sweep ${JSON.stringify(name)} in the runs folder's ${SWEEPS_FOLDER}/ (sweeps there: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
  let metric: string;
  try {
    metric = resolveMetric(request.metric ?? 'eval', METRICS_COLUMNS).name;
  } catch (error) {
    throw new ServerError('not_found', `getCurves.${(error as Error).message}`);
  }
  let curves: GroupedCurves;
  try {
    const source = loadCurveSource(dir);
    curves = groupedCurves(source, { metric, band: request.band ?? 'std', smoothing: parseSmoothing(String(request.smoothWindow ?? 1)) });
  } catch (error) {
    const message = (error as Error).message.split(runsDir).join('<runs>');
    throw new ServerError('corrupt_file', `sweep ${JSON.stringify(name)} could not be read: ${message}`);
  }
  return toCurvesMessage(name, curves, request.requestId);
}
