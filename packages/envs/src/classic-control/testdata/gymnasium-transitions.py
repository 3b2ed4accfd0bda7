"""Writes gymnasium-transitions.json: reference transitions of Gymnasium's classic-control envs.

The tests in ../gymnasium-reference.test.ts replay these states and actions through the TypeScript envs and compare.
Run from a checkout of Farama-Foundation/Gymnasium 1.x with NumPy 2 installed:
    PYTHONPATH=/path/to/Gymnasium python3 gymnasium-transitions.py > gymnasium-transitions.json
"""

import json
import sys

import numpy as np

import gymnasium
from gymnasium.envs.classic_control.acrobot import AcrobotEnv
from gymnasium.envs.classic_control.cartpole import CartPoleEnv
from gymnasium.envs.classic_control.continuous_mountain_car import Continuous_MountainCarEnv
from gymnasium.envs.classic_control.pendulum import PendulumEnv

ENVS = {
    "Pendulum-v1": PendulumEnv,
    "MountainCarContinuous-v0": Continuous_MountainCarEnv,
    "CartPole-v1": CartPoleEnv,
    "Acrobot-v1": AcrobotEnv,
}
DISCRETE = {"CartPole-v1", "Acrobot-v1"}


def case(env_id, kwargs, state, actions):
    """Sets the state (float64, as a user would) and steps until the actions run out or the episode terminates."""
    env = ENVS[env_id](**kwargs)
    env.reset(seed=0)
    env.state = np.array(state, dtype=np.float64)
    steps = []
    for a in actions:
        act = int(a) if env_id in DISCRETE else np.array([a], dtype=np.float32)
        obs, reward, terminated, truncated, _ = env.step(act)
        steps.append(
            {
                "state": [float(x) for x in env.state],
                "obs": [float(x) for x in obs],
                "reward": float(reward),
                "terminated": bool(terminated),
            }
        )
        if terminated:
            break
    return {"env": env_id, "kwargs": kwargs, "state": state, "actions": actions[: len(steps)], "steps": steps}


def f32_list(values):
    return [float(np.float32(v)) for v in values]


rng = np.random.default_rng(2024)
cases = [
    case("Pendulum-v1", {}, [2.5, -0.7], f32_list(rng.uniform(-2.5, 2.5, 60))),
    case("Pendulum-v1", {"g": 9.81}, [-3.0, 7.9], [-2.0] * 30),
    case("MountainCarContinuous-v0", {}, [-0.52, 0.0], f32_list(rng.uniform(-1.2, 1.2, 200))),
    case("MountainCarContinuous-v0", {}, [-1.15, -0.06], [-1.0] * 20 + [1.0] * 20),
    case("MountainCarContinuous-v0", {}, [0.3, 0.069], [1.0] * 10),
    case("MountainCarContinuous-v0", {"goal_velocity": 0.07}, [0.3, 0.069], [1.0] * 10),
    case("CartPole-v1", {}, [0.01, -0.02, 0.03, 0.04], [int(a) for a in rng.integers(0, 2, 100)]),
    case("CartPole-v1", {"sutton_barto_reward": True}, [0.0, 0.5, -0.1, 0.2], [int(a) for a in rng.integers(0, 2, 100)]),
    case("Acrobot-v1", {}, [0.05, -0.08, 0.02, 0.09], [int(a) for a in rng.integers(0, 3, 80)]),
    case("Acrobot-v1", {}, [0.0, 0.0, 12.5, 28.0], [2] * 40),
]
json.dump(
    {"generator": f"Gymnasium {gymnasium.__version__}, NumPy {np.__version__}, testdata/gymnasium-transitions.py", "cases": cases},
    sys.stdout,
    indent=None,
)
sys.stdout.write("\n")
