// Runs Pendulum-v1 for five episodes with a seeded uniform-random policy and prints each return and length.
import { make } from '../index.js';

const EPISODES = 5;
const SEED = 42;

const env = make('Pendulum-v1');
env.actionSpace.seed(SEED);
const returns: number[] = [];
let lengths = 0;
for (let episode = 0; episode < EPISODES; episode++) {
  // Seed the first reset only; later resets continue the env's generator (Gymnasium's rule).
  env.reset(episode === 0 ? { seed: SEED } : {});
  let total = 0;
  let length = 0;
  for (;;) {
    const { reward, terminated, truncated } = env.step(env.actionSpace.sample() as Float32Array);
    total += reward;
    length += 1;
    if (terminated || truncated) break;
  }
  returns.push(total);
  lengths += length;
  console.log(`episode ${episode + 1}: return ${total.toFixed(2)}, length ${length}`);
}
const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
console.log(`mean return over ${EPISODES} episodes: ${mean.toFixed(2)} (mean length ${lengths / EPISODES})`);
env.close();
