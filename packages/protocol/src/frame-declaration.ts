// Checks that a decoded frame has the sizes its episode declared (bodies, action, info terms, observation).
import type { EpisodeStartMessage } from './control-messages.js';
import type { Frame } from './frame.js';
import { fail, ok, type Result } from './result.js';
import { POSE_STRIDE } from './wire-scene.js';

/** The parts of an episodeStart (or a rollout file header) that fix every frame's sizes. */
export type FrameDeclaration = Pick<EpisodeStartMessage, 'scene' | 'observationLabels' | 'actionLabels' | 'infoTerms'>;

/**
 * Checks a frame against its declaration: poses for every scene body, one action per action label, one info value
 * per info term, and an observation that is either absent or one value per observation label.
 */
export function checkFrameMatchesDeclaration(frame: Frame, declaration: FrameDeclaration): Result<Frame> {
  const expectations: [string, number, number][] = [
    ['poses', POSE_STRIDE * declaration.scene.bodies.length, frame.poses.length],
    ['action', declaration.actionLabels.length, frame.action.length],
    ['info', declaration.infoTerms.length, frame.info.length],
  ];
  if (frame.observation !== undefined) {
    expectations.push(['observation', declaration.observationLabels.length, frame.observation.length]);
  }
  for (const [name, expected, received] of expectations) {
    if (expected !== received) {
      return fail(
        'length_mismatch',
        `frame ${frame.step} of stream ${frame.streamId}: ${name} expected ${expected} floats as declared at episode start, received ${received}`,
      );
    }
  }
  return ok(frame);
}
