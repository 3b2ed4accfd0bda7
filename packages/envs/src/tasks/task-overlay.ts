// Rapier-only settings of a locomotion task (substeps, solver iterations, limit handling): never edits to the robot.

/** Settings only Rapier needs; every field has a documented default, and each task's values live in overlays.ts. */
export interface TaskOverlay {
  /** Rapier world steps per MuJoCo physics step (Rapier timestep = MuJoCo timestep / this). Default 1. */
  substeps: number;
  /** Rapier `numSolverIterations` (TGS-soft substeps inside one world step). Default 4 (Rapier's default). */
  solverIterations: number;
  /** Rapier `numInternalPgsIterations`. Default 1 (Rapier's default). */
  pgsIterations: number;
  /** Clamp motor target velocities so a joint cannot pass its limit within one step (rapier-notes §8). Default false. */
  limitClamp: boolean;
  /**
   * MuJoCo's soft joint limits (solreflimit/solimplimit) through each driven joint's motor instead of Rapier's hard
   * limits (physics/armature-motor.ts). Default false.
   */
  softLimits: boolean;
  /** A body speed (m/s or rad/s, any component of qvel) beyond which the step is a physics blow-up. Default 1000. */
  maxSpeed: number;
}

export const DEFAULT_OVERLAY: TaskOverlay = { substeps: 1, solverIterations: 4, pgsIterations: 1, limitClamp: false, softLimits: false, maxSpeed: 1000 };
