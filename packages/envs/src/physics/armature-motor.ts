// MuJoCo motors, joint damping, stiffness and armature as one implicit ForceBased Rapier joint motor (rapier-notes §8).
import type { UnitImpulseJoint } from '@dimforge/rapier3d-simd-compat';
import type { JointStateReader } from './joint-state.js';
import { rotateInto } from './quat-math.js';
import { rawWorldIO, type RawWorldIO, type RawBodySet } from './raw-world-io.js';
import { limitImpedance, softLimitGains } from './soft-limit.js';
import { drivesMotor, type BuiltJoint, type PhysicsWorld } from './world-builder.js';

/** The smallest motor damping used when a driven joint has neither armature nor damping (the motor then acts as a pure torque). */
const MIN_DAMPING = 1e-6;

interface DrivenJoint {
  built: BuiltJoint;
  motor: UnitImpulseJoint;
  armature: number;
  damping: number;
  stiffness: number;
  springRef: number;
  /** Actuators driving this joint: index into ctrl, gear, clamp range. */
  actuators: { index: number; gear: number; lo: number; hi: number }[];
  limited: boolean;
  lo: number;
  hi: number;
  /** Apply the actuator and spring as body torques/forces instead of folding them into the motor target. */
  explicit: boolean;
  /** MuJoCo's soft limit through the motor (WorldSettings.softLimits): joint-space inertia and reference gains. */
  soft: { mass: number; b: number; k: number; solimp: readonly number[] } | undefined;
  /** Soft-limit bookkeeping: last step's joint velocity and the limit force terms applied then. */
  prevV: number;
  prevStiffness: number;
  prevLimit: number;
  prevDamping: number;
  prevExplicit: number;
}

/**
 * For each hinge/slide impulse joint with a motor, damping, stiffness or armature, before every `world.step()`:
 *   v_old, q = current joint velocity and position, τ = Σ gear·clamp(ctrl, ctrlrange) − stiffness·(q − springref),
 *   K = armature/h + damping,  v_t = (armature·v_old/h + τ) / K,
 *   motor: f = K·(v_t − v_new), solved implicitly by Rapier (ForceBased velocity motor),
 * which gives f = τ − armature·(v_new − v_old)/h − damping·v_new: MuJoCo's actuator torque and rotor inertia, with
 * damping implicit and the spring explicit, as MuJoCo's Euler integrator treats them (engine_forward.c
 * mj_EulerSkip: implicit joint damping). h is `world.timestep` (§8: not the TGS substep).
 * Root joints realised by locked axes cannot carry these terms (an Error names them).
 *
 * Rapier clamps a limited joint's motor target velocity to what reaches the limit within one step, which caps the
 * folded force at K·(distance to limit)/h. Where the largest actuator torque over K exceeds a tenth of the range
 * per step (the pendulums' sliders: K = damping alone, 0.05–1), the actuator torque and spring are applied as equal
 * and opposite body torques (hinge) or forces (slide) instead, and the motor keeps only the implicit armature and
 * damping (target armature·v_old/(h·K)): the same equation, unclamped.
 */
export class ArmatureMotors {
  private readonly driven: DrivenJoint[] = [];
  private readonly h: number;
  /** Rigid groups that receive explicit actuator torques/forces (reset before every step: Rapier's forces persist). */
  private readonly pushed: number[] = [];
  private readonly bodies: PhysicsWorld['bodies'];
  private readonly io: RawWorldIO;
  private readonly raw: RawBodySet;
  private readonly axis = new Float64Array(3);

  constructor(physics: PhysicsWorld, private readonly limitClamp: boolean) {
    const model = physics.model;
    this.h = physics.world.timestep;
    this.bodies = physics.bodies;
    this.io = rawWorldIO(physics.R);
    this.raw = physics.world.bodies.raw;
    for (const built of physics.joints) {
      const j = built.joint;
      const actuators = model.actuators
        .filter((a) => a.joint === j.id)
        .map((a) => ({ index: a.id, gear: a.gear, lo: a.ctrlLimited ? a.ctrlRange[0] : -Infinity, hi: a.ctrlLimited ? a.ctrlRange[1] : Infinity }));
      if (!drivesMotor(model, j)) continue;
      if (built.realisation !== 'impulse' || (j.type !== 'hinge' && j.type !== 'slide')) {
        throw new Error(
          `ArmatureMotors(${model.name}): joint "${j.name}" (${j.type}, ${built.realisation}) has a motor, damping, stiffness or armature; only hinge and slide impulse joints can carry them`,
        );
      }
      const motor = built.impulse as UnitImpulseJoint;
      motor.configureMotorModel(physics.R.MotorModel.ForceBased);
      const K = Math.max(j.armature / this.h + j.damping, MIN_DAMPING);
      const maxTau = actuators.reduce((sum, a) => sum + Math.abs(a.gear) * Math.max(Math.abs(a.lo), Math.abs(a.hi)), 0);
      const softLimited = j.limited && physics.settings.softLimits === true;
      const explicit = j.limited && !softLimited && maxTau / K > (0.1 * (j.range[1] - j.range[0])) / this.h;
      const gains = softLimited ? softLimitGains(j.solrefLimit, j.solimpLimit, 0, model.option.timestep, j.name) : undefined;
      const soft = gains ? { mass: j.armature + childInertia(physics, built), b: gains.b, k: gains.k, solimp: j.solimpLimit } : undefined;
      if (explicit) {
        for (const g of [built.childGroup, built.parentGroup]) if (g > 0 && !this.pushed.includes(g)) this.pushed.push(g);
      }
      this.driven.push({
        built, motor, armature: j.armature, damping: j.damping, stiffness: j.stiffness, springRef: j.springRef,
        actuators, limited: j.limited, lo: j.range[0], hi: j.range[1], explicit, soft,
        prevV: NaN, prevStiffness: 0, prevLimit: 0, prevDamping: 0, prevExplicit: 0,
      });
    }
  }

  /** Number of joints driven by a motor. */
  get count(): number {
    return this.driven.length;
  }

  /** Configures every motor for the next world step from `ctrl` and the reader's (refreshed) body states. */
  configure(ctrl: ArrayLike<number>, reader: JointStateReader): void {
    const h = this.h;
    for (const g of this.pushed) {
      this.bodies[g]!.resetForces(false);
      this.bodies[g]!.resetTorques(false);
    }
    for (const d of this.driven) {
      let tau = 0;
      for (const a of d.actuators) {
        const u = ctrl[a.index]!;
        tau += a.gear * (u < a.lo ? a.lo : u > a.hi ? a.hi : u);
      }
      const vOld = reader.velocity(d.built);
      const needsQ = d.stiffness > 0 || (this.limitClamp && d.limited) || d.soft !== undefined;
      const q = needsQ ? reader.position(d.built) : 0;
      if (d.stiffness > 0) tau -= d.stiffness * (q - d.springRef);
      const K = Math.max(d.armature / h + d.damping, MIN_DAMPING);
      if (d.explicit) {
        this.push(d, tau, reader);
        tau = 0;
      }
      if (d.soft) {
        // the limit force applied in the last step, and that step's velocity (soft-limit bookkeeping only)
        const applied = d.prevStiffness * (d.prevLimit - q) - d.prevDamping * vOld - d.prevExplicit;
        const vPrev = d.prevV;
        d.prevV = vOld;
        d.prevStiffness = 0; d.prevDamping = 0; d.prevExplicit = 0;
        if ((q > d.hi || q < d.lo) && this.softLimit(d, d.soft, q, vOld, tau, h, vPrev, applied)) continue;
      }
      let vTarget = (d.armature * vOld / h + tau) / K;
      if (this.limitClamp && d.limited && !d.soft) {
        const lo = (d.lo - q) / h;
        const hi = (d.hi - q) / h;
        if (vTarget < lo) vTarget = lo;
        else if (vTarget > hi) vTarget = hi;
      }
      d.motor.configureMotorVelocity(vTarget, K);
    }
  }

  /**
   * MuJoCo's soft limit for a joint past its range by r (engine_core_constraint.c): with impedance d and reference
   * acceleration a_ref = −b·v_in − k·d·r, a single limit row gives the joint a = (1 − d)·a_unc + d·a_ref, i.e. the
   * force F = m·d·(a_ref − a_unc), m = armature + the child body's inertia about the axis. m·a_unc, the acceleration
   * everything but the limit gives the joint, is taken from the last step (its joint acceleration less the limit force
   * applied in it; the joint's own τ − damping·v on the first step). The motor then carries
   * F + τ − damping·v − armature·(v − v_old)/h as a spring m·d²·k towards the limit and a damping
   * armature/h + damping + m·d·b (both implicit in Rapier's solve) and τ − d·m·a_unc in its target. Like MuJoCo's, the
   * limit only pushes out: when F estimated at v_old would pull the joint further in, the plain motor is used
   * (returns false).
   */
  private softLimit(d: DrivenJoint, soft: NonNullable<DrivenJoint['soft']>, q: number, vOld: number, tau: number, h: number, vPrev: number, applied: number): boolean {
    const upper = q > d.hi;
    const sign = upper ? 1 : -1;
    const r = upper ? q - d.hi : d.lo - q;
    const imp = limitImpedance(soft.solimp, r);
    const vIn = sign * vOld;
    // m·a_unc: the last step's joint acceleration less the limit force applied in it (so contacts and the other
    // joints count, one step late); on a limit's first step after a reset, the joint's own torque
    const unconstrained = Number.isFinite(vPrev) ? (soft.mass * (vOld - vPrev)) / h - applied : tau - d.damping * vOld;
    const pushOut = soft.mass * imp * (-soft.b * vIn - soft.k * imp * r) - imp * sign * unconstrained;
    if (pushOut >= 0) return false;
    const stiffness = soft.mass * imp * imp * soft.k;
    const extraDamping = soft.mass * imp * soft.b;
    const damping = d.armature / h + d.damping + extraDamping;
    const vTarget = (d.armature * vOld / h + tau - imp * unconstrained) / damping;
    d.prevStiffness = stiffness;
    d.prevLimit = upper ? d.hi : d.lo;
    d.prevDamping = extraDamping;
    d.prevExplicit = imp * unconstrained;
    // Rapier's spring pulls towards targetPos + h·targetVel (its motor rhs carries stiffness·h·targetVel), so the
    // position target is moved back by h·vTarget to make the spring act towards the limit itself
    d.motor.configureMotor((upper ? d.hi : d.lo) - d.built.joint.ref - h * vTarget, vTarget, stiffness, damping);
    return true;
  }

  /** Equal and opposite torque (hinge) or force (slide) τ about/along the joint's world axis on child and parent. */
  private push(d: DrivenJoint, tau: number, reader: JointStateReader): void {
    const c = reader.cache;
    const o = 16 * d.built.childGroup;
    const a = d.built.axisChild;
    rotateInto(c[o + 3]!, c[o + 4]!, c[o + 5]!, c[o + 6]!, a[0], a[1], a[2], this.axis, 0);
    const x = tau * this.axis[0]!, y = tau * this.axis[1]!, z = tau * this.axis[2]!;
    const io = this.io;
    const raw = this.raw;
    const child = this.bodies[d.built.childGroup]!.handle;
    const parent = d.built.parentGroup > 0 ? this.bodies[d.built.parentGroup]!.handle : -1;
    if (d.built.joint.type === 'hinge') {
      io.addTorque(raw, child, x, y, z, true);
      if (parent >= 0) io.addTorque(raw, parent, -x, -y, -z, true);
    } else {
      io.addForce(raw, child, x, y, z, true);
      if (parent >= 0) io.addForce(raw, parent, -x, -y, -z, true);
    }
  }
}

/** The child body's inertia about a hinge's axis through its anchor (mass for a slide), from its rigid group. */
function childInertia(physics: PhysicsWorld, built: BuiltJoint): number {
  const mp = physics.groups.groups[built.childGroup]!.massProperties;
  if (built.joint.type === 'slide') return mp.mass;
  const [qx, qy, qz, qw] = mp.inertiaQuat;
  const a = built.axisChild;
  const local = new Float64Array(3);
  rotateInto(-qx, -qy, -qz, qw, a[0], a[1], a[2], local, 0); // the axis in the principal frame
  let inertia = 0;
  for (let k = 0; k < 3; k++) inertia += mp.principalInertia[k]! * local[k]! * local[k]!;
  const rx = mp.com[0] - built.anchorChild[0], ry = mp.com[1] - built.anchorChild[1], rz = mp.com[2] - built.anchorChild[2];
  const cx = ry * a[2] - rz * a[1], cy = rz * a[0] - rx * a[2], cz = rx * a[1] - ry * a[0];
  return inertia + mp.mass * (cx * cx + cy * cy + cz * cz);
}
