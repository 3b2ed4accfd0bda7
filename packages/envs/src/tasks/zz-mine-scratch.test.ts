import { it } from 'vitest';
import loadMujoco from 'mujoco-js';
import { readFileSync } from 'node:fs';
import { init } from '../physics/rapier-runtime.js';
import { Rng } from '../core/rng.js';
import { ReacherEnv } from './reacher.js';

it('reacher vs mujoco', async () => {
  await init();
  const mj = await loadMujoco();
  mj.FS.writeFile('/r.xml', readFileSync('src/robots/reacher.xml', 'utf8'));
  const m = mj.MjModel.loadFromXML('/r.xml');
  const d = new mj.MjData(m);
  const env = new ReacherEnv();
  const { obs } = env.reset({ seed: 0 });
  (d.qpos as Float64Array).set(Array.from(env.qpos)); (d.qvel as Float64Array).set(Array.from(env.qvel)); mj.mj_forward(m, d);
  console.log('obs0', Array.from(obs).map((v) => v.toFixed(4)).join(' '));
  const rng = new Rng(3);
  for (let t = 1; t <= 50; t++) {
    const a = Float32Array.from([rng.uniformIn(-1, 1), rng.uniformIn(-1, 1)]);
    const s = env.step(a);
    (d.ctrl as Float64Array).set(Array.from(a));
    for (let k = 0; k < 2; k++) mj.mj_step(m, d);
    if ([1, 5, 10, 25, 50].includes(t)) {
      const xi = d.xipos as Float64Array;
      console.log(t, 'rapier', Array.from(env.qpos).map((v) => v.toFixed(3)).join(' '), Array.from(s.obs.subarray(8)).map((v) => v.toFixed(4)).join(' '), '| mj', Array.from(d.qpos as Float64Array).map((v) => v.toFixed(3)).join(' '), (xi[3*3]-xi[3*4]).toFixed(4), (xi[3*3+1]-xi[3*4+1]).toFixed(4));
    }
  }
  console.log(env.jointErrors());
});
