// What the user switched on: debug geometry, overlays, camera follow and how several rollouts are laid out.

export type RolloutLayout = 'side-by-side' | 'ghost';

export interface ViewOptions {
  /** Contact points and force arrows. Default true. */
  contacts: boolean;
  /** Collision shapes as wireframes. Default false. */
  collision: boolean;
  /** Body axes (x red, y green, z blue). Default false. */
  axes: boolean;
  /** Centre-of-mass markers of bodies with a mass. Default false. */
  com: boolean;
  /** Velocity arrow on the tracked body. Default false. */
  velocity: boolean;
  /** Centre-of-mass trail of the active episode. Default false. */
  trail: boolean;
  /** Camera follows the tracked body. Default true. */
  follow: boolean;
  /** Several rollouts side by side (offset along -y) or overlaid with the inactive ones translucent. Default side-by-side. */
  layout: RolloutLayout;
  /** Metres between robots laid side by side. Default 2.5. */
  sideBySideSpacing: number;
}

export const DEFAULT_VIEW_OPTIONS: Readonly<ViewOptions> = {
  contacts: true,
  collision: false,
  axes: false,
  com: false,
  velocity: false,
  trail: false,
  follow: true,
  layout: 'side-by-side',
  sideBySideSpacing: 2.5,
};

/** The boolean options, with the labels the toggles panel shows. */
export const TOGGLE_LABELS: readonly { option: keyof ViewOptions & string; label: string }[] = [
  { option: 'follow', label: 'follow torso' },
  { option: 'contacts', label: 'contacts' },
  { option: 'collision', label: 'collision shapes' },
  { option: 'axes', label: 'body axes' },
  { option: 'com', label: 'centres of mass' },
  { option: 'velocity', label: 'velocity arrow' },
  { option: 'trail', label: 'COM trail' },
];
