// Public API of the MJCF loader: parse MuJoCo XML (a documented subset) into a typed robot model.
export { loadMjcf } from './mjcf-loader.js';
export { MjcfError, type MjcfLocation } from './mjcf-error.js';
export type * from './mjcf-model.js';
export { geomVolume, geomInertia, combineMassProperties, type MassContribution } from './mass-properties.js';
export { principalAxes, quatMultiply, quatRotate, quatToMatrix, type PrincipalAxes, type SymmetricTensor } from './math3d.js';
export { bodyWorldPoses, composePoses, poseInAncestor, IDENTITY_POSE, type Pose } from './kinematics.js';
export { rigidGroups, type MjcfRigidGroup, type MjcfRigidGroups, type GroupedPart } from './rigid-groups.js';
export { canCollide, contactPairs, contactParameters, type MjcfContactPair, type MjcfContactParameters } from './contact-pairs.js';
export { inertiaBoxFluidWrench, inertiaBoxSides, type Wrench } from './inertia-box-fluid.js';
