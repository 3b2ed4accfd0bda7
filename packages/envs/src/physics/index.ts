// Public API of the physics layer: Rapier runtime, the MJCF → Rapier world builder, joint state, motors and contacts.
export { init, isInitialized, rapier, type Rapier } from './rapier-runtime.js';
export {
  buildWorld, restoreWorld, defaultWorldSettings, worldBlueprint, type WorldBlueprint, type BuiltJoint, type JointRealisation, type PhysicsWorld, type PlanarConstraint, type WorldSettings,
} from './world-builder.js';
export { collisionClasses, type CollisionClasses } from './collision-classes.js';
export { forwardKinematics, type BodyStates } from './forward-kinematics.js';
export { applyState } from './apply-state.js';
export { JointStateReader } from './joint-state.js';
export { ArmatureMotors } from './armature-motor.js';
export { projectOntoPlane } from './planar-projection.js';
export { contactPoints, cfrcExt, subtreeComs, treeRoot, type ContactPoint } from './contact-forces.js';
export { jointErrors, type JointErrors } from './joint-diagnostics.js';
