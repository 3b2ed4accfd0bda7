// Worker thread of RapierCeiling: makes its envs, then answers each { ms } with the env steps it took in that time.
import { parentPort, workerData } from 'node:worker_threads';
import { IndependentStepper } from './independent-stepping.js';

const { id, count, seed } = workerData as { id: string; count: number; seed: number };
const stepper = await IndependentStepper.create(id, count, seed);
parentPort!.on('message', (ms: number) => parentPort!.postMessage(stepper.run(ms)));
parentPort!.postMessage('ready');
