// Tests for addInfo: Gymnasium's dict-of-arrays info with `_key` masks.
import { describe, expect, it } from 'vitest';
import { addInfo } from './vector-info.js';
import type { VectorInfo } from './vector-env.js';

describe('addInfo', () => {
  it('batches numbers, booleans, nested dicts and other values with masks', () => {
    const info: VectorInfo = {};
    addInfo(info, { reward_ctrl: -0.5, ok: true, name: 'a', episode: { r: 10, l: 3 } }, 0, 3);
    addInfo(info, { reward_ctrl: 2 }, 2, 3);
    expect(info['reward_ctrl']).toEqual(Float64Array.of(-0.5, 0, 2));
    expect(info['_reward_ctrl']).toEqual([true, false, true]);
    expect(info['ok']).toEqual([true, false, false]);
    expect(info['_ok']).toEqual([true, false, false]);
    expect(info['name']).toEqual(['a', null, null]);
    expect(info['_name']).toEqual([true, false, false]);
    expect(info['episode']).toEqual({ r: Float64Array.of(10, 0, 0), _r: [true, false, false], l: Float64Array.of(3, 0, 0), _l: [true, false, false] });
    expect(info['_episode']).toEqual([true, false, false]);
  });

  it('keeps typed-array values (such as final_obs) as an array of values, null where absent', () => {
    const info: VectorInfo = {};
    const obs = Float32Array.of(1, 2);
    addInfo(info, { final_obs: obs }, 1, 2);
    expect(info['final_obs']).toEqual([null, obs]);
    expect((info['final_obs'] as unknown[])[1]).toBe(obs);
    expect(info['_final_obs']).toEqual([false, true]);
  });

  it('turns a number array into a plain array when a later sub-env reports a non-number', () => {
    const info: VectorInfo = {};
    addInfo(info, { v: 1.5 }, 0, 2);
    addInfo(info, { v: 'x' }, 1, 2);
    expect(info['v']).toEqual([1.5, 'x']);
    expect(info['_v']).toEqual([true, true]);
  });

  it('rejects a key that is a dict in one sub-env and a value in another', () => {
    const info: VectorInfo = {};
    addInfo(info, { episode: { r: 1 } }, 0, 2);
    expect(() => addInfo(info, { episode: 3 }, 1, 2)).toThrow('info key "episode" is not a dict in sub-env 1 but was a dict in an earlier sub-env');
  });

  it('adds nothing for an empty info', () => {
    expect(addInfo({}, {}, 0, 4)).toEqual({});
  });
});
