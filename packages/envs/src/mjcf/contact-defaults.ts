// MuJoCo's built-in values for contact and limit softness and for colours, shared by geoms, joints, tendons and sites.
import type { Rgba } from '../core/scene.js';

/** `solref` / `solreflimit`: time constant and damping ratio. */
export const DEFAULT_SOLREF = [0.02, 1] as const;
/** `solimp` / `solimplimit`: dmin, dmax, width, midpoint, power. */
export const DEFAULT_SOLIMP = [0.9, 0.95, 0.001, 0.5, 2] as const;
export const DEFAULT_RGBA: Readonly<Rgba> = [0.5, 0.5, 0.5, 1];
