// Benchmark: stability of each locomotion task under uniform random actions (NaN, joint separation, limit overshoot).
import { init } from '@rapier-gym/envs';
import { controlBound, controlSequence, intFlag, lenientOptions, makeTask, MujocoSim, mujocoRuntime, overlayFlag, selectedTasks } from './locomotion-common.js';
import { printTable, type Cell } from './table.js';

/**
 * `--steps` (default 10,000) env steps of uniform random controls per task, a reset every 1000 steps, health
 * termination off where the task allows it (the pendulums reset when they terminate). Joint separation and limit overshoot are measured from step 25 of each episode (the Ant starts
 * with its ankles outside their range); physics errors and non-finite observations are counted.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const steps = intFlag(argv, 'steps', 10_000);
  await init();
  const mj = await mujocoRuntime();
  const rows: Cell[][] = [];
  const overlay = overlayFlag(argv);
  if (overlay) console.log(`Rapier overlay fields replaced for every task: ${JSON.stringify(overlay)}`);
  for (const task of selectedTasks(argv)) {
    const { env, inner } = makeTask(task.id, lenientOptions(task), overlay);
    const controls = controlSequence(steps, env.actionSpace.shape[0]!, 3, controlBound(task));
    let separation = 0, overshoot = 0, maxSpeed = 0, errors = 0, nonFinite = 0, t = 0;
    const resets: boolean[] = [];
    env.reset({ seed: 0 });
    for (let i = 0; i < steps; i++) {
      resets.push(t === 0);
      const s = env.step(controls[i]!);
      t++;
      if (s.obs.some((v) => !Number.isFinite(v))) nonFinite++;
      if (s.info['physics_error']) {
        errors++;
        env.reset();
        t = 0;
        continue;
      }
      if (t >= 25) {
        const e = inner.jointErrors();
        separation = Math.max(separation, e.separation);
        overshoot = Math.max(overshoot, e.hingeOvershoot);
        for (const v of inner.qvel) maxSpeed = Math.max(maxSpeed, Math.abs(v));
      }
      if (t >= 1000 || s.terminated) {
        env.reset();
        t = 0;
      }
    }
    const mujocoDeg = (mujocoOvershoot(new MujocoSim(mj, task.robot), controls, resets, task.frameSkip) * 180) / Math.PI;
    const [sepGoal, degGoal] = task.id === 'Ant-v5' ? [30, 20] : [10, 10];
    const deg = (overshoot * 180) / Math.PI;
    const pass = errors === 0 && nonFinite === 0 && separation * 1000 <= sepGoal && deg <= degGoal;
    rows.push([task.id, String(errors), String(nonFinite), separation * 1000, deg, mujocoDeg, maxSpeed, `≤ ${sepGoal} mm, ≤ ${degGoal}°`, pass ? 'yes' : 'NO']);
    env.close();
  }
  printTable(
    `Stability over ${steps} env steps of uniform random actions (reset every 1000; errors measured from step 25 of each episode)`,
    ['task', 'physics errors', 'non-finite obs', 'max joint separation mm', 'max limit overshoot °', "MuJoCo's, same controls °", 'max |qvel|', 'goal', 'met'],
    rows,
  );
}

/**
 * MuJoCo's own largest hinge-limit overshoot (its limits are soft) under the same controls, reset to qpos0 at rest
 * wherever the Rapier run reset, measured from step 25 of each episode as for Rapier.
 */
function mujocoOvershoot(sim: MujocoSim, controls: Float32Array[], resets: boolean[], frameSkip: number): number {
  const m = sim.model;
  const range = m.jnt_range as Float64Array, limited = m.jnt_limited as Uint8Array, type = m.jnt_type as Int32Array, address = m.jnt_qposadr as Int32Array;
  const qpos0 = Array.from(m.qpos0 as ArrayLike<number>);
  let worst = 0, t = 0;
  for (let i = 0; i < controls.length; i++) {
    if (resets[i]) {
      sim.setState(qpos0, new Float64Array(m.nv));
      t = 0;
    }
    sim.step(controls[i]!, frameSkip);
    t++;
    if (t < 25) continue;
    for (let j = 0; j < m.njnt; j++) {
      if (!limited[j] || type[j] !== 3) continue; // mjJNT_HINGE
      const q = sim.qpos[address[j]!]!;
      worst = Math.max(worst, range[2 * j]! - q, q - range[2 * j + 1]!);
    }
  }
  sim.delete();
  return worst;
}

await main();
