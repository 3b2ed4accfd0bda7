// The Redis (BullMQ) trial queue: `sweep --queue` enqueues a sweep's trials, `worker --queue` processes pull and run them.
export * from './redis-url.js';
export * from './redis-client.js';
export * from './queue-settings.js';
export * from './queued-trial.js';
export * from './trial-queue-client.js';
export * from './trial-queue-worker.js';
export * from './trial-process-runner.js';
export * from './sweep-on-queue.js';
