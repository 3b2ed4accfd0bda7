// Benchmark: stability of each locomotion task under uniform random actions (NaN, joint separation, limit overshoot).
import { init } from '@rapier-gym/envs';
import { controlBound, controlSequence, intFlag, lenientOptions, makeTask, overlayFlag, selectedTasks } from './locomotion-common.js';
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
  const rows: Cell[][] = [];
  const overlay = overlayFlag(argv);
  if (overlay) console.log(`Rapier overlay fields replaced for every task: ${JSON.stringify(overlay)}`);
  for (const task of selectedTasks(argv)) {
    const { env, inner } = makeTask(task.id, lenientOptions(task), overlay);
    const controls = controlSequence(steps, env.actionSpace.shape[0]!, 3, controlBound(task));
    let separation = 0, overshoot = 0, maxSpeed = 0, errors = 0, nonFinite = 0, t = 0;
    env.reset({ seed: 0 });
    for (let i = 0; i < steps; i++) {
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
    const [sepGoal, degGoal] = task.id === 'Ant-v5' ? [30, 20] : [10, 10];
    const deg = (overshoot * 180) / Math.PI;
    const pass = errors === 0 && nonFinite === 0 && separation * 1000 <= sepGoal && deg <= degGoal;
    rows.push([task.id, String(errors), String(nonFinite), separation * 1000, deg, maxSpeed, `≤ ${sepGoal} mm, ≤ ${degGoal}°`, pass ? 'yes' : 'NO']);
    env.close();
  }
  printTable(
    `Stability over ${steps} env steps of uniform random actions (reset every 1000; errors measured from step 25 of each episode)`,
    ['task', 'physics errors', 'non-finite obs', 'max joint separation mm', 'max limit overshoot °', 'max |qvel|', 'goal', 'met'],
    rows,
  );
}

await main();
