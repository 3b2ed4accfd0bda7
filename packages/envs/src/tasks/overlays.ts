// Per-task Rapier-only settings (substeps, solver iterations, limit handling); listed in the package README.
import { DEFAULT_OVERLAY, type TaskOverlay } from './task-overlay.js';

/** Every locomotion task's overlay. The robot files stay MuJoCo's; only how Rapier integrates them is chosen here. */
export const TASK_OVERLAYS: Readonly<Record<string, TaskOverlay>> = {
  // rapier-notes §8 (b1): one TGS substep with 4 PGS iterations makes the implicit armature motor exact. MuJoCo's
  // soft joint limits (through the motors): random-policy episodes −2 % from MuJoCo's (hard limits: −9 %), overshoot
  // about 6° as in MuJoCo.
  'Hopper-v5': { ...DEFAULT_OVERLAY, solverIterations: 1, pgsIterations: 4, softLimits: true },
  'Walker2d-v5': { ...DEFAULT_OVERLAY, solverIterations: 1, pgsIterations: 4 },
  // MuJoCo's 0.01 s step with 3 TGS substeps × 8 PGS iterations and the motor limit clamp: over 50,000 random-action
  // steps joints stay within 5.7 mm and 5.7° (1 × 16 drifts to 18 mm; 4 × 4 reaches 9.3°), the six coupled armature
  // motors converge (pre-contact angle error vs MuJoCo 0.04 rad median), and it is 1.26× faster than the two 0.005 s
  // steps of 1 × 16 it replaces (4.8 mm, 3.6°).
  'HalfCheetah-v5': { ...DEFAULT_OVERLAY, solverIterations: 3, pgsIterations: 8, limitClamp: true },
  // dt 0.01 (MuJoCo's): 8 TGS substeps and the limit clamp (§8) hold the light legs to ~1 cm and < 20°.
  'Ant-v5': { ...DEFAULT_OVERLAY, solverIterations: 8, pgsIterations: 1, limitClamp: true },
  // No contacts, one or two hinges on a slider: the exact one-substep motor setting, at MuJoCo's timestep.
  'InvertedPendulum-v5': { ...DEFAULT_OVERLAY, solverIterations: 1, pgsIterations: 4 },
  'InvertedDoublePendulum-v5': { ...DEFAULT_OVERLAY, solverIterations: 1, pgsIterations: 4 },
  // No contacts; the exact one-substep motor setting at MuJoCo's timestep; fluid forces are explicit as in MuJoCo.
  'Swimmer-v5': { ...DEFAULT_OVERLAY, solverIterations: 1, pgsIterations: 4 },
  // Nothing collides, but the links weigh 36 g against armature 1: the two coupled armature motors form a stiff,
  // ill-conditioned system that 1 × 4 iterations leave unconverged (joint 1 off by 0.2 rad after 5 steps);
  // 8 TGS substeps × 8 PGS iterations follow MuJoCo's open-loop angles within ~0.03 rad over 10 steps.
  'Reacher-v5': { ...DEFAULT_OVERLAY, solverIterations: 8, pgsIterations: 8 },
  // Gravity off; contacts only between the wrist, the object and the table. The 5 g wrist_flex link has its inertia
  // raised to 1e-4 kg·m² and borrows 0.1 kg from the forearm at its anchor (pusher.ts): then one TGS substep × 4 PGS
  // iterations with the limit clamp hold every joint to a few mm (34 mm without the borrowed mass).
  'Pusher-v5': { ...DEFAULT_OVERLAY, solverIterations: 1, pgsIterations: 4, limitClamp: true },
  // Hinge chains (hips, abdomen, shoulders) split with 0.3 kg, 6e-3 kg·m² intermediate bodies (humanoid.ts):
  // 4 TGS substeps × 2 PGS iterations with the limit clamp hold joints to a few mm at MuJoCo's 0.003 s.
  'Humanoid-v5': { ...DEFAULT_OVERLAY, solverIterations: 4, pgsIterations: 2, limitClamp: true },
  'HumanoidStandup-v5': { ...DEFAULT_OVERLAY, solverIterations: 4, pgsIterations: 2, limitClamp: true },
};
