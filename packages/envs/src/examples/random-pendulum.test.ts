// The random-pendulum example prints five 200-step episodes and their mean return, the same on every run.
import { describe, expect, it, vi } from 'vitest';

async function runExample(): Promise<string[]> {
  vi.resetModules();
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  try {
    await import('./random-pendulum.js');
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe('examples/random-pendulum', () => {
  it('prints each episode and a mean that is the average of the printed returns, deterministically', async () => {
    const lines = await runExample();
    expect(lines).toHaveLength(6);
    const returns = lines.slice(0, 5).map((line, i) => {
      const m = /^episode (\d): return (-?\d+\.\d\d), length (\d+)$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(Number(m![1])).toBe(i + 1);
      expect(Number(m![3])).toBe(200);
      // A random policy on Pendulum loses between 0 and 200 * 16.27 per episode.
      expect(Number(m![2])).toBeLessThan(0);
      expect(Number(m![2])).toBeGreaterThan(-200 * 16.2736044);
      return Number(m![2]);
    });
    const mean = /^mean return over 5 episodes: (-?\d+\.\d\d) \(mean length 200\)$/.exec(lines[5]!);
    expect(mean).not.toBeNull();
    expect(Number(mean![1])).toBeCloseTo(returns.reduce((a, b) => a + b, 0) / 5, 1);
    expect(await runExample()).toEqual(lines);
  });
});
