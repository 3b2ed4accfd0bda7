// Contact points (small spheres) and contact force arrows drawn from the contacts a frame carries.
import * as THREE from 'three';
import { CONTACT_STRIDE } from '@rapier-gym/protocol';

export interface ContactsViewOptions {
  /** Most contacts drawn at once. Default 512. */
  maxContacts?: number;
  /** Arrow metres per newton of force. Default 0.002 (a 500 N force is 1 m long). */
  metresPerNewton?: number;
  /** Longest arrow drawn, in metres. Default 1.5. */
  maxArrowLength?: number;
}

export class ContactsView {
  readonly group = new THREE.Group();
  private readonly points: THREE.InstancedMesh;
  private readonly arrows: THREE.ArrowHelper[] = [];
  private readonly maxContacts: number;
  private readonly metresPerNewton: number;
  private readonly maxArrowLength: number;
  private shown = 0;
  private readonly matrix = new THREE.Matrix4();
  private readonly direction = new THREE.Vector3();
  private readonly origin = new THREE.Vector3();

  constructor(options: ContactsViewOptions = {}) {
    this.maxContacts = options.maxContacts ?? 512;
    this.metresPerNewton = options.metresPerNewton ?? 0.002;
    this.maxArrowLength = options.maxArrowLength ?? 1.5;
    this.group.name = 'contacts';
    const material = new THREE.MeshBasicMaterial({ color: 0xff3b30, depthTest: false, transparent: true });
    this.points = new THREE.InstancedMesh(new THREE.SphereGeometry(0.025, 10, 8), material, this.maxContacts);
    this.points.count = 0;
    this.points.renderOrder = 5;
    this.points.frustumCulled = false;
    this.group.add(this.points);
  }

  /** Contacts drawn by the last `show` call. */
  get count(): number {
    return this.shown;
  }

  /** Draws the contacts of several frames, each shifted by its robot's layout offset. */
  show(frames: { contacts: Float32Array; offset: THREE.Vector3 }[]): void {
    let index = 0;
    for (const { contacts, offset } of frames) {
      for (let base = 0; base + CONTACT_STRIDE <= contacts.length && index < this.maxContacts; base += CONTACT_STRIDE, index++) {
        this.origin.set(contacts[base]!, contacts[base + 1]!, contacts[base + 2]!).add(offset);
        this.matrix.makeTranslation(this.origin.x, this.origin.y, this.origin.z);
        this.points.setMatrixAt(index, this.matrix);
        this.direction.set(contacts[base + 3]!, contacts[base + 4]!, contacts[base + 5]!);
        const newtons = this.direction.length();
        const arrow = this.arrow(index);
        if (newtons > 1e-9) {
          const length = Math.min(this.maxArrowLength, newtons * this.metresPerNewton);
          arrow.position.copy(this.origin);
          arrow.setDirection(this.direction.divideScalar(newtons));
          arrow.setLength(Math.max(length, 0.02), Math.min(0.08, length * 0.3 + 0.01), 0.03);
          arrow.visible = true;
        } else {
          arrow.visible = false;
        }
      }
    }
    for (let hidden = index; hidden < this.arrows.length; hidden++) this.arrows[hidden]!.visible = false;
    this.points.count = index;
    this.points.instanceMatrix.needsUpdate = true;
    this.shown = index;
  }

  private arrow(index: number): THREE.ArrowHelper {
    while (this.arrows.length <= index) {
      const arrow = new THREE.ArrowHelper(new THREE.Vector3(0, 0, 1), new THREE.Vector3(), 0.1, 0xffcc00);
      arrow.renderOrder = 5;
      (arrow.line.material as THREE.Material).depthTest = false;
      (arrow.cone.material as THREE.Material).depthTest = false;
      this.arrows.push(arrow);
      this.group.add(arrow);
    }
    return this.arrows[index]!;
  }
}
