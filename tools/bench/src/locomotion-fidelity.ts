// Fidelity report: random-policy episode lengths and open-loop state divergence, Rapier tasks against MuJoCo (mujoco-js).
import { Rng, init } from '@rapier-gym/envs';
import {
  controlBound, controlSequence, intFlag, lenientOptions, makeTask, MujocoSim, overlayFlag, mujocoRuntime, resetNoise, selectedTasks,
  type LocomotionTask,
} from './locomotion-common.js';
import { printTable, type Cell } from './table.js';

/** qpos indices of the hinge angles compared (the torso angle and joints for planar robots; the Ant's 8 hinges). */
function angleIndices(task: LocomotionTask, nq: number): number[] {
  if (task.angles) return task.angles;
  const first = task.id === 'Ant-v5' ? 7 : task.id.startsWith('Inverted') ? 1 : 2;
  return Array.from({ length: nq - first }, (_, i) => first + i);
}

function meanAndError(values: number[]): [number, number] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return [mean, Math.sqrt(variance / values.length)];
}

/**
 * Both engines start each episode from the same state (MuJoCo's qpos0 plus Gymnasium's reset noise, drawn once from
 * a seeded Rng) and receive the same pre-drawn uniform random controls, open loop.
 * - Episode length: steps until the task's Gymnasium health rule fails (or 1000), `--episodes` episodes per task.
 * - Divergence: after 10, 50 and 100 env steps, the largest |Δ angle| (rad) and |Δ root height| (m), median over
 *   `--runs` runs from noisy starts; and over `--runs` noise-free starts (qpos0), the largest angle error before
 *   MuJoCo's first contact (ncon > 0, which includes contacts within the geoms' margin).
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const episodes = intFlag(argv, 'episodes', 300);
  const runs = intFlag(argv, 'runs', 20);
  await init();
  const mj = await mujocoRuntime();
  const lengthRows: Cell[][] = [];
  const divergenceRows: Cell[][] = [];
  const overlay = overlayFlag(argv);
  if (overlay) console.log(`Rapier overlay fields replaced for every task: ${JSON.stringify(overlay)}`);
  for (const task of selectedTasks(argv)) {
    const { env, inner } = makeTask(task.id, lenientOptions(task), overlay);
    const bound = controlBound(task);
    const stepRapier = (a: Float32Array): boolean => env.step(a).terminated;
    const sim = new MujocoSim(mj, task.robot);
    const nu = sim.model.nu;
    const nq = sim.model.nq;
    const nv = sim.model.nv;
    const qpos0 = Array.from(sim.model.qpos0 as ArrayLike<number>);
    const angles = angleIndices(task, nq);
    const zIndex = task.id === 'Ant-v5' ? 2 : task.id.startsWith('Inverted') ? 0 : 1;

    if (task.healthy) {
      const count = task.id === 'Ant-v5' ? Math.max(1, Math.round(episodes / 10)) : episodes;
      const rapierLengths: number[] = [];
      const mujocoLengths: number[] = [];
      for (let e = 0; e < count; e++) {
        const start = resetNoise(task, { qpos: qpos0, nv }, new Rng(1000 + e));
        const controls = controlSequence(1000, nu, 2000 + e, bound);
        env.reset({ seed: e });
        inner.setState(start.qpos, start.qvel);
        let n = 0;
        while (n < 1000) {
          const ended = stepRapier(controls[n]!);
          n++;
          if (ended || !task.healthy(inner.qpos, inner.qvel)) break;
        }
        rapierLengths.push(n);
        sim.setState(start.qpos, start.qvel);
        n = 0;
        while (n < 1000) {
          sim.step(controls[n]!, task.frameSkip);
          n++;
          if (!task.healthy(sim.qpos, sim.qvel)) break;
        }
        mujocoLengths.push(n);
      }
      const [rm, re] = meanAndError(rapierLengths);
      const [mm, me] = meanAndError(mujocoLengths);
      lengthRows.push([task.id, String(count), `${rm.toFixed(2)} ± ${re.toFixed(2)}`, `${mm.toFixed(2)} ± ${me.toFixed(2)}`, `${(((rm - mm) / mm) * 100).toFixed(1)} %`]);
    } else {
      lengthRows.push([task.id, '–', 'never terminates', 'never terminates', '–']);
    }

    if (task.id.startsWith('Inverted')) {
      // the pendulums terminate (no option to switch it off) within a few steps of random control
      divergenceRows.push([task.id, '–', '–', '–', '–', '–', '–', '–', '–']);
      sim.delete();
      env.close();
      continue;
    }
    const checkpoints = [10, 50, 100];
    const angleErrors: number[][] = checkpoints.map(() => []);
    const heightErrors: number[][] = checkpoints.map(() => []);
    const preContactErrors: number[] = [];
    let firstContact = -1;
    for (let r = -runs; r <= runs; r++) {
      if (r === 0) continue;
      // runs r < 0 start noise-free (qpos0, zero velocity) and measure the error before MuJoCo's first floor contact
      const noiseFree = r < 0;
      const start = noiseFree ? { qpos: Float64Array.from(qpos0), qvel: new Float64Array(nv) } : resetNoise(task, { qpos: qpos0, nv }, new Rng(5000 + r));
      const controls = controlSequence(100, nu, 6000 + r, bound);
      let contact = -1;
      let preContactError = 0;
      env.reset({ seed: r });
      inner.setState(start.qpos, start.qvel);
      sim.setState(start.qpos, start.qvel);
      for (let t = 1; t <= 100; t++) {
        stepRapier(controls[t - 1]!);
        sim.step(controls[t - 1]!, task.frameSkip);
        let angleError = 0;
        for (const i of angles) angleError = Math.max(angleError, Math.abs(inner.qpos[i]! - sim.qpos[i]!));
        if (noiseFree) {
          if (contact < 0 && (sim.data.ncon as number) > 0) contact = t;
          if (contact < 0) preContactError = Math.max(preContactError, angleError);
        } else {
          const k = checkpoints.indexOf(t);
          if (k >= 0) {
            angleErrors[k]!.push(angleError);
            heightErrors[k]!.push(Math.abs(inner.qpos[zIndex]! - sim.qpos[zIndex]!));
          }
        }
      }
      if (noiseFree) {
        preContactErrors.push(preContactError);
        firstContact = Math.max(firstContact, contact);
      }
    }
    const med = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1]!;
    divergenceRows.push([
      task.id,
      firstContact < 0 ? '> 100' : String(firstContact),
      firstContact === 1 ? '– (touches at once)' : `${med(preContactErrors).toFixed(4)} / ${Math.max(...preContactErrors).toFixed(4)}`,
      ...checkpoints.flatMap((_, k) => [med(angleErrors[k]!).toFixed(3), med(heightErrors[k]!).toFixed(3)]),
    ]);
    sim.delete();
    env.close();
  }
  printTable(
    `Random-policy episode length (same start states and open-loop controls in both engines; Gymnasium v5 health rules)`,
    ['task', 'episodes', 'Rapier mean ± s.e.', 'MuJoCo mean ± s.e.', 'Rapier vs MuJoCo'],
    lengthRows,
  );
  printTable(
    `Open-loop divergence from MuJoCo (median over ${runs} seeded runs): max |Δ angle| rad and |Δ root z| m after N env steps`,
    ['task', 'MuJoCo first contact (latest step)', 'max |Δ angle| before it (median / max)', 'angle @10', 'z @10', 'angle @50', 'z @50', 'angle @100', 'z @100'],
    divergenceRows,
  );
}

await main();
