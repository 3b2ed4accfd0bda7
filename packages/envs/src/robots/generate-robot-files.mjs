// Embeds the robot MJCF files (src/robots/*.xml, the source of truth) into robot-files.generated.ts for the browser.
// Run from packages/envs:  node src/robots/generate-robot-files.mjs          (writes the module)
//                          node src/robots/generate-robot-files.mjs --check  (exits 1 when the module is stale)
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const directory = dirname(fileURLToPath(import.meta.url));
const target = join(directory, 'robot-files.generated.ts');

function render() {
  const files = readdirSync(directory).filter((name) => name.endsWith('.xml')).sort();
  const lines = [
    '// GENERATED from src/robots/*.xml by src/robots/generate-robot-files.mjs: do not edit by hand.',
    '// Regenerate from packages/envs with:  node src/robots/generate-robot-files.mjs',
    '',
    '/** The MJCF text of every robot file, keyed by file name without `.xml`. */',
    'export const ROBOT_FILES = {',
  ];
  for (const file of files) {
    const key = file.slice(0, -'.xml'.length);
    lines.push(`  ${key}: ${JSON.stringify(readFileSync(join(directory, file), 'utf8'))},`);
  }
  lines.push('} as const;', '', '/** Names of the robot files. */', 'export type RobotFileName = keyof typeof ROBOT_FILES;', '');
  return lines.join('\n');
}

const expected = render();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== expected) {
    console.error(`${target} is stale: run node src/robots/generate-robot-files.mjs from packages/envs`);
    process.exit(1);
  }
  console.log('robot-files.generated.ts is up to date');
} else {
  writeFileSync(target, expected);
  console.log(`wrote ${target}`);
}
