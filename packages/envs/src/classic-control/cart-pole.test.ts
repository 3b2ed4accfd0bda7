// CartPole-v1: spaces, one Euler step by hand, the frictionless equations, each termination rule, rewards, reset.
import { describe, expect, it } from 'vitest';
import { make } from '../registry/registry.js';
import { CartPoleEnv } from './cart-pole.js';
import './index.js';

const f32 = Math.fround;
const THETA_LIMIT = (12 * 2 * Math.PI) / 360;

function cartPoleAt(state: number[], sutton = false): CartPoleEnv {
  const env = new CartPoleEnv({ sutton_barto_reward: sutton });
  env.reset({ seed: 0 });
  env.setState(state);
  return env;
}

/**
 * The frictionless cart-pole of Florian, "Correct equations for the dynamics of the cart-pole system" (2007), eq. 23
 * and 24 with mu_c = mu_p = 0, written independently of the env: masses m_c = 1, m_p = 0.1, half-length l = 0.5.
 */
function accelerations(theta: number, thetaDot: number, force: number): { xacc: number; thetaacc: number } {
  const mc = 1.0;
  const mp = 0.1;
  const l = 0.5;
  const g = 9.8;
  const thetaacc =
    (g * Math.sin(theta) + Math.cos(theta) * ((-force - mp * l * thetaDot ** 2 * Math.sin(theta)) / (mc + mp))) /
    (l * (4 / 3 - (mp * Math.cos(theta) ** 2) / (mc + mp)));
  const xacc = (force + mp * l * (thetaDot ** 2 * Math.sin(theta) - thetaacc * Math.cos(theta))) / (mc + mp);
  return { xacc, thetaacc };
}

describe('CartPole-v1 spaces', () => {
  it('observes [x, x_dot, theta, theta_dot] within [±4.8, ±inf, ±24°, ±inf] and acts in Discrete(2)', () => {
    const env = new CartPoleEnv();
    expect(env.observationSpace.shape).toEqual([4]);
    expect(Array.from(env.observationSpace.high)).toEqual([4.8, Infinity, f32(2 * THETA_LIMIT), Infinity].map(f32));
    expect(Array.from(env.observationSpace.low)).toEqual([-4.8, -Infinity, -f32(2 * THETA_LIMIT), -Infinity].map(f32));
    expect(env.observationSpace.dtype).toBe('float32');
    expect(env.actionSpace.n).toBe(2);
    expect(env.actionSpace.start).toBe(0);
    expect(env.thetaThresholdRadians).toBeCloseTo(Math.PI / 15, 15);
    expect(env.metadata).toEqual({ renderFps: 50, renderModes: ['scene'] });
  });
});

describe('CartPole-v1 dynamics (cartpole.py step)', () => {
  it('takes one Euler step from rest pushing right: x_dot = 8/41, theta_dot = -12/41', () => {
    // temp = F / (m_c + m_p) = 10 / 1.1 = 100/11;  l (4/3 - m_p / 1.1) = 0.5 * 41/33 = 41/66
    // thetaacc = (0 - 100/11) / (41/66) = -600/41;  xacc = 100/11 - 0.05 * (-600/41) / 1.1 = 400/41
    // Euler: x' = x + tau x_dot = 0, x_dot' = 0.02 * 400/41 = 8/41, theta' = 0, theta_dot' = -0.02 * 600/41 = -12/41
    const env = cartPoleAt([0, 0, 0, 0]);
    const { obs, reward, terminated, truncated, info } = env.step(1);
    const s = env.state;
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo(8 / 41, 14);
    expect(s[2]).toBe(0);
    expect(s[3]).toBeCloseTo(-12 / 41, 14);
    expect(Array.from(obs)).toEqual(Array.from(s).map(f32));
    expect(reward).toBe(1);
    expect(terminated).toBe(false);
    expect(truncated).toBe(false);
    expect(info).toEqual({});
    // The next Euler step moves x and theta with the previous step's velocities.
    env.step(1);
    expect(env.state[0]).toBeCloseTo(0.02 * (8 / 41), 14);
    expect(env.state[2]).toBeCloseTo(0.02 * (-12 / 41), 14);
  });

  it('pushes left with action 0: the mirror image', () => {
    const env = cartPoleAt([0, 0, 0, 0]);
    env.step(0);
    expect(env.state[1]).toBeCloseTo(-8 / 41, 14);
    expect(env.state[3]).toBeCloseTo(12 / 41, 14);
  });

  it('follows the frictionless cart-pole equations from a general state', () => {
    const start = [0.3, -0.4, 0.1, 0.7];
    for (const action of [0, 1]) {
      const env = cartPoleAt(start);
      env.step(action);
      const { xacc, thetaacc } = accelerations(start[2]!, start[3]!, action === 1 ? 10 : -10);
      const expected = [start[0]! + 0.02 * start[1]!, start[1]! + 0.02 * xacc, start[2]! + 0.02 * start[3]!, start[3]! + 0.02 * thetaacc];
      Array.from(env.state).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 13));
    }
  });

  it('switches to semi-implicit Euler when kinematicsIntegrator says so', () => {
    const env = cartPoleAt([0, 0, 0, 0]);
    env.kinematicsIntegrator = 'semi-implicit-euler';
    env.step(1);
    expect(env.state[0]).toBeCloseTo(0.02 * (8 / 41), 14);
    expect(env.state[2]).toBeCloseTo(0.02 * (-12 / 41), 14);
  });
});

describe('CartPole-v1 termination and reward', () => {
  const cases: [string, number[]][] = [
    ['x > 2.4', [2.39, 1, 0, 0]],
    ['x < -2.4', [-2.39, -1, 0, 0]],
    ['theta > 12°', [0, 0, THETA_LIMIT - 0.001, 0.1]],
    ['theta < -12°', [0, 0, -THETA_LIMIT + 0.001, -0.1]],
  ];
  for (const [rule, state] of cases) {
    it(`terminates when ${rule} after the step, rewarding the terminating step with 1 (Sutton-Barto: -1)`, () => {
      const plain = cartPoleAt(state).step(1);
      expect(plain.terminated).toBe(true);
      expect(plain.truncated).toBe(false);
      expect(plain.reward).toBe(1);
      const sutton = cartPoleAt(state, true).step(1);
      expect(sutton.terminated).toBe(true);
      expect(sutton.reward).toBe(-1);
    });
  }

  it('does not terminate just inside the limits, and rewards 1 (Sutton-Barto: 0)', () => {
    for (const state of [[2.37, 1, 0, 0], [0, 0, THETA_LIMIT - 0.003, 0.1]]) {
      expect(cartPoleAt(state).step(1)).toMatchObject({ terminated: false, reward: 1 });
      expect(cartPoleAt(state, true).step(1)).toMatchObject({ terminated: false, reward: 0 });
    }
  });

  it('throws on a step after termination, where Gymnasium only warns (BaseEnv rule), naming the env id', () => {
    const env = make('CartPole-v1');
    env.reset({ seed: 0 });
    (env.unwrapped as CartPoleEnv).setState([2.39, 1, 0, 0]);
    expect(env.step(1).terminated).toBe(true);
    expect(() => env.step(1)).toThrow(/CartPole-v1.*step\(\) called after the episode ended/);
    expect(() => (env.unwrapped as CartPoleEnv).step(1)).toThrow(/CartPole-v1: step\(\) called after the episode ended/);
  });

  it('makes sutton_barto_reward a make() option with default false', () => {
    expect((make('CartPole-v1').unwrapped as CartPoleEnv).suttonBartoReward).toBe(false);
    expect((make('CartPole-v1', { sutton_barto_reward: true }).unwrapped as CartPoleEnv).suttonBartoReward).toBe(true);
    expect(() => make('CartPole-v1', { sutton_barto_reward: 1 })).toThrow(/option sutton_barto_reward must be a boolean/);
  });

  it('is truncated by make at 500 steps under a balancing policy (push towards the lean: theta + 0.3 theta_dot)', () => {
    const env = make('CartPole-v1');
    let { obs } = env.reset({ seed: 2 });
    let total = 0;
    for (let t = 1; t <= 500; t++) {
      const r = env.step(obs[2]! + 0.3 * obs[3]! > 0 ? 1 : 0);
      obs = r.obs;
      total += r.reward;
      expect(r.terminated).toBe(false);
      if (r.truncated !== (t === 500)) throw new Error(`truncated=${r.truncated} at step ${t}`);
    }
    expect(total).toBe(500);
  });
});

describe('CartPole-v1 reset', () => {
  it('draws all four state variables from U(-0.05, 0.05)', () => {
    const env = new CartPoleEnv();
    env.reset({ seed: 9 });
    const all: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { obs } = env.reset();
      expect(Array.from(obs)).toEqual(Array.from(env.state).map(f32));
      all.push(...env.state);
    }
    expect(Math.min(...all)).toBeGreaterThanOrEqual(-0.05);
    expect(Math.max(...all)).toBeLessThan(0.05);
    expect(Math.min(...all)).toBeLessThan(-0.049);
    expect(Math.max(...all)).toBeGreaterThan(0.049);
  });

  it('takes low/high reset options', () => {
    const env = new CartPoleEnv();
    env.reset({ seed: 1, options: { low: 0, high: 1 } });
    for (const v of env.state) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    env.reset({ options: { low: 0.25, high: 0.25 } });
    expect(Array.from(env.state)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(() => env.reset({ options: { low: 'a' } })).toThrow(/CartPoleEnv: reset option low must be a finite number, got "a"/);
  });
});
