// Checks the published package: `npm pack` contents, and that the tarball alone works from plain Node.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootModules = resolve(packageDir, '../../node_modules');
const work = mkdtempSync(join(tmpdir(), 'rapier-gym-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('packs dist, README and package.json, without tests or sources', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, encoding: 'utf8' });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/node/index.js');
    expect(files).toContain('package.json');
    expect(files.filter((f) => f.startsWith('src/') || /\.test\./.test(f) || f.endsWith('.tsbuildinfo') || f.includes('testing/'))).toEqual([]);
  });

  it('works from its tarball in another project with plain Node', () => {
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const consumer = join(work, 'consumer');
    const target = join(consumer, 'node_modules', '@rapier-gym', 'envs');
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', target, '--strip-components=1']);
    // The package's own dependencies come from the registry in real life; link the installed ones here.
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const link = join(consumer, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(rootModules, dep), link, 'dir');
    }
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    writeFileSync(
      join(consumer, 'main.js'),
      `import { make, registeredIds } from '@rapier-gym/envs';
       const env = make('Pendulum-v1');
       const { obs } = env.reset({ seed: 1 });
       const r = env.step(new Float32Array([0.5]));
       console.log(JSON.stringify({ ids: registeredIds(), obs: Array.from(obs), reward: r.reward }));`,
    );
    const printed = JSON.parse(execFileSync('node', ['main.js'], { cwd: consumer, encoding: 'utf8' })) as { ids: string[]; obs: number[]; reward: number };
    expect(printed.ids).toContain('Pendulum-v1');
    expect(printed.obs).toHaveLength(3);
    expect(Number.isFinite(printed.reward)).toBe(true);
  });
});
