// The camera: orbit controls (three/examples) around a target that follows the tracked body with smoothing.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { smoothingFactor } from './camera-smoothing.js';

export interface CameraRigOptions {
  /** Seconds for the follow target to close half its gap to the tracked body. Default 0.25. */
  followHalfLifeSeconds?: number;
  /** Camera offset from the target after a reset (metres, Z-up world: looking from -Y, slightly above). Default (1.2, -4, 1.3). */
  resetOffset?: [number, number, number];
}

export class CameraRig {
  readonly camera: THREE.PerspectiveCamera;
  readonly controls: OrbitControls;
  /** Follow the tracked body (true) or leave the target where orbiting put it. */
  follow = true;
  private readonly halfLife: number;
  private readonly resetOffset: THREE.Vector3;
  private readonly delta = new THREE.Vector3();
  private hasTarget = false;

  constructor(canvas: HTMLCanvasElement, options: CameraRigOptions = {}) {
    this.halfLife = options.followHalfLifeSeconds ?? 0.25;
    this.resetOffset = new THREE.Vector3(...(options.resetOffset ?? [1.2, -4, 1.3]));
    this.camera = new THREE.PerspectiveCamera(45, 1, 0.02, 500);
    this.camera.up.set(0, 0, 1); // the world is Z-up, as in MuJoCo
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.15;
    this.controls.maxPolarAngle = Math.PI * 0.495;
    this.controls.minDistance = 0.3;
    this.controls.maxDistance = 80;
    this.reset(new THREE.Vector3(0, 0, 0.8));
  }

  get target(): THREE.Vector3 {
    return this.controls.target;
  }

  /** Puts the camera back at the default offset from `center` (or the current target). */
  reset(center: THREE.Vector3 = this.controls.target): void {
    this.controls.target.copy(center);
    this.camera.position.copy(center).add(this.resetOffset);
    this.camera.lookAt(center);
    this.controls.update();
  }

  /**
   * Moves the orbit target toward `tracked` (smoothed) and the camera by the same amount, so the orbit angle and
   * distance the user chose are kept. With `snap` the target jumps there (first frame, rollout switch).
   */
  update(tracked: THREE.Vector3 | undefined, dtSeconds: number, snap = false): void {
    if (this.follow && tracked) {
      if (!this.hasTarget || snap) {
        this.delta.subVectors(tracked, this.controls.target);
        this.hasTarget = true;
      } else {
        this.delta.subVectors(tracked, this.controls.target).multiplyScalar(smoothingFactor(Math.min(dtSeconds, 0.5), this.halfLife));
      }
      this.controls.target.add(this.delta);
      this.camera.position.add(this.delta);
    }
    this.controls.update();
  }

  resize(width: number, height: number): void {
    this.camera.aspect = width / Math.max(1, height);
    this.camera.updateProjectionMatrix();
  }
}
