// Progress lines of `sweep --queue`: what the workers do with the sweep's trials, as the queue reports it.
import { redactRedisUrl, type QueuedSweepEvent } from '@rapier-gym/experiments';

/** A function that turns queue events into stderr lines: starts, every 25 % of a trial's steps, stalls, retries, ends. */
export function queuedSweepReporter(url: string, totalTrials: number, write: (line: string) => void): (event: QueuedSweepEvent) => void {
  const queueUrl = redactRedisUrl(url);
  const quarters = new Map<string, number>();
  let ended = 0;
  let skipped = 0;
  return (event) => {
    switch (event.type) {
      case 'skipped':
        skipped += 1;
        write(`skip     ${event.trialId} (finished earlier)`);
        return;
      case 'enqueued': {
        const { added, alreadyQueued } = event.report;
        const waiting = added.length + alreadyQueued.length;
        write(
          `queued   ${added.length} trial(s) on ${queueUrl}${alreadyQueued.length > 0 ? ` (${alreadyQueued.length} already queued)` : ''}` +
            (waiting > 0 ? `; waiting for workers ("rapier-gym worker --queue ${queueUrl}" on any machine that sees the store)` : ''),
        );
        return;
      }
      case 'started':
        write(`start    ${event.trialId}`);
        return;
      case 'progress': {
        const quarter = Math.floor((4 * event.step) / event.totalSteps);
        if (quarter > (quarters.get(event.trialId) ?? 0) && quarter < 4) write(`progress ${event.trialId} step ${event.step}/${event.totalSteps}`);
        quarters.set(event.trialId, Math.max(quarter, quarters.get(event.trialId) ?? 0));
        return;
      }
      case 'stalled':
        write(`stalled  ${event.trialId} (its worker stopped answering; back on the queue, it resumes from its last checkpoint)`);
        return;
      case 'retrying':
        write(`retry    ${event.trialId}: ${event.reason.split('\n')[0]}`);
        return;
      case 'finished': {
        ended += 1;
        const outcome = event.outcome;
        const resumed = outcome?.resumedFromStep !== undefined ? `, resumed at step ${outcome.resumedFromStep}` : '';
        write(`done     ${event.trialId}${outcome ? ` (step ${outcome.step}${resumed})` : ''} [${ended + skipped}/${totalTrials}]`);
        return;
      }
      case 'failed':
        ended += 1;
        write(`FAILED   ${event.trialId}: ${event.reason.split('\n')[0]} [${ended + skipped}/${totalTrials}]`);
        return;
    }
  };
}
