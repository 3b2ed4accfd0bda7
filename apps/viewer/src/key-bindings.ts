// The keyboard shortcuts: which key does what, in one table that drives both the handler and the help overlay.

export type ViewerAction =
  | 'togglePlay'
  | 'stepBack'
  | 'stepForward'
  | 'jumpBack'
  | 'jumpForward'
  | 'goToStart'
  | 'goToEnd'
  | 'slower'
  | 'faster'
  | 'toggleLoop'
  | 'goLive'
  | 'previousEpisode'
  | 'nextEpisode'
  | 'nextRollout'
  | 'toggleLayout'
  | 'resetView'
  | 'toggleFollow'
  | 'toggleContacts'
  | 'toggleCollision'
  | 'toggleAxes'
  | 'toggleCom'
  | 'toggleVelocity'
  | 'toggleTrail'
  | 'exportPng'
  | 'toggleRecording'
  | 'openFile'
  | 'toggleHelp'
  | 'closeOverlay';

export interface KeyBinding {
  /** `KeyboardEvent.key` values that trigger the action (letters lower case). */
  keys: string[];
  /** True when the binding needs Shift (for keys whose `key` value does not change with Shift). */
  shift?: boolean;
  action: ViewerAction;
  /** Shown in the help overlay. */
  description: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: [' ', 'k'], action: 'togglePlay', description: 'play / pause' },
  { keys: ['ArrowLeft', ','], action: 'stepBack', description: 'step back one frame' },
  { keys: ['ArrowRight', '.'], action: 'stepForward', description: 'step forward one frame' },
  { keys: ['ArrowLeft'], shift: true, action: 'jumpBack', description: 'back 10 frames' },
  { keys: ['ArrowRight'], shift: true, action: 'jumpForward', description: 'forward 10 frames' },
  { keys: ['Home', '0'], action: 'goToStart', description: 'go to the first frame' },
  { keys: ['End'], action: 'goToEnd', description: 'go to the last frame' },
  { keys: ['-', '_'], action: 'slower', description: 'slower playback' },
  { keys: ['=', '+'], action: 'faster', description: 'faster playback' },
  { keys: ['l'], action: 'toggleLoop', description: 'loop on / off' },
  { keys: ['g'], action: 'goLive', description: 'follow the newest live episode' },
  { keys: ['['], action: 'previousEpisode', description: 'previous episode' },
  { keys: [']'], action: 'nextEpisode', description: 'next episode' },
  { keys: ['n'], action: 'nextRollout', description: 'next rollout' },
  { keys: ['s'], action: 'toggleLayout', description: 'side by side / ghosted overlay' },
  { keys: ['r'], action: 'resetView', description: 'reset the camera' },
  { keys: ['f'], action: 'toggleFollow', description: 'camera follows the torso on / off' },
  { keys: ['c'], action: 'toggleContacts', description: 'contact points and forces' },
  { keys: ['w'], action: 'toggleCollision', description: 'collision shapes (wireframe)' },
  { keys: ['x'], action: 'toggleAxes', description: 'body axes' },
  { keys: ['m'], action: 'toggleCom', description: 'centres of mass' },
  { keys: ['v'], action: 'toggleVelocity', description: 'velocity arrow' },
  { keys: ['t'], action: 'toggleTrail', description: 'centre-of-mass trail' },
  { keys: ['p'], action: 'exportPng', description: 'save a PNG of the view' },
  { keys: ['e'], action: 'toggleRecording', description: 'start / stop WebM recording' },
  { keys: ['o'], action: 'openFile', description: 'open a rollout file (.rgr)' },
  { keys: ['?', 'h'], action: 'toggleHelp', description: 'this help' },
  { keys: ['Escape'], action: 'closeOverlay', description: 'close help / inspector' },
];

/** The parts of a KeyboardEvent the bindings look at. */
export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * The action for a key press, or undefined. Presses with Ctrl, Meta or Alt are left to the browser. A Shift binding
 * wins over the plain one for the same key; plain bindings of printable keys accept Shift (e.g. "?" and "+").
 */
export function actionForKey(press: KeyPress, bindings: readonly KeyBinding[] = KEY_BINDINGS): ViewerAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const shift = press.shiftKey === true;
  if (shift) {
    const shifted = bindings.find((binding) => binding.shift && binding.keys.includes(key));
    if (shifted) return shifted.action;
  }
  const plain = bindings.find((binding) => !binding.shift && binding.keys.includes(key));
  if (!plain) return undefined;
  if (shift && key.length > 1) return undefined;
  return plain.action;
}

/** Help overlay rows: the keys of each binding as shown to people, and what they do. */
export function helpRows(bindings: readonly KeyBinding[] = KEY_BINDINGS): { keys: string; description: string }[] {
  const names: Record<string, string> = { ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };
  return bindings.map((binding) => ({
    keys: binding.keys.map((key) => `${binding.shift ? 'Shift+' : ''}${names[key] ?? key}`).join(' / '),
    description: binding.description,
  }));
}
