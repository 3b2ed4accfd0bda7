// Benchmark: env steps/s of each locomotion task on Rapier against MuJoCo (mujoco-js) stepping the same MJCF file.
import { init } from '@rapier-gym/envs';
import { controlBound, controlSequence, intFlag, lenientOptions, makeTask, MujocoSim, overlayFlag, mujocoRuntime, selectedTasks } from './locomotion-common.js';
import { median, printTable, ratio, type Cell } from './table.js';

/**
 * One thread, same process, interleaved (Rapier block, then MuJoCo block, `--rounds` times): each block runs
 * `--steps` env steps of pre-drawn uniform random controls, with a reset every 1000 steps and no termination where
 * the task allows it (the pendulums always terminate: each engine then resets at the steps where Rapier's episode
 * ended, so both pay the same number of resets).
 * Rapier: the registered env's reset + step (observation, reward and info included). MuJoCo: set ctrl, frame_skip ×
 * mj_step, copy qpos and qvel (what Gymnasium's step reads). The median of the rounds is reported.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const steps = intFlag(argv, 'steps', 3000);
  const rounds = intFlag(argv, 'rounds', 3);
  await init();
  const mj = await mujocoRuntime();
  const rows: Cell[][] = [];
  const overlay = overlayFlag(argv);
  if (overlay) console.log(`Rapier overlay fields replaced for every task: ${JSON.stringify(overlay)}`);
  for (const task of selectedTasks(argv)) {
    const { env } = makeTask(task.id, lenientOptions(task), overlay);
    const sim = new MujocoSim(mj, task.robot);
    const nu = sim.model.nu;
    const controls = controlSequence(steps, nu, 1, controlBound(task));
    const obs = new Float64Array(sim.model.nq + sim.model.nv);
    const rapierRates: number[] = [];
    const mujocoRates: number[] = [];
    for (let r = 0; r < rounds + 1; r++) {
      let t0 = performance.now();
      env.reset({ seed: r });
      const resets: boolean[] = [];
      let t = 0;
      for (let i = 0; i < steps; i++) {
        const reset = t === 1000;
        resets.push(reset);
        if (reset) {
          env.reset();
          t = 0;
        }
        if (env.step(controls[i]!).terminated) t = 1000;
        else t++;
      }
      const rapierRate = steps / ((performance.now() - t0) / 1000);
      t0 = performance.now();
      sim.setState(Array.from(sim.model.qpos0 as ArrayLike<number>), new Float64Array(sim.model.nv));
      for (let i = 0; i < steps; i++) {
        if (resets[i]) sim.setState(Array.from(sim.model.qpos0 as ArrayLike<number>), new Float64Array(sim.model.nv));
        sim.step(controls[i]!, task.frameSkip);
        obs.set(sim.qpos);
        obs.set(sim.qvel, sim.model.nq);
      }
      const mujocoRate = steps / ((performance.now() - t0) / 1000);
      if (r > 0) {
        // round 0 warms up the JIT
        rapierRates.push(rapierRate);
        mujocoRates.push(mujocoRate);
      }
    }
    const goal = task.id === 'Hopper-v5' || task.id === 'Walker2d-v5' ? '≥ 1.0×' : '≥ 0.3× (0.5×)';
    // the pendulums' episodes last a few steps under random actions, so resets weigh in on both sides
    const rapierRate = median(rapierRates);
    const mujocoRate = median(mujocoRates);
    rows.push([task.id, rapierRate, mujocoRate, ratio(rapierRate, mujocoRate), goal]);
    sim.delete();
    env.close();
  }
  printTable(
    `Locomotion env steps/s, one thread, median of ${rounds} interleaved rounds × ${steps} steps (Rapier SIMD vs MuJoCo mujoco-js, same MJCF, same frame_skip)`,
    ['task', 'Rapier env steps/s', 'MuJoCo env steps/s', 'ratio', 'goal'],
    rows,
  );
}

await main();
