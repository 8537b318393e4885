/**
 * Builds the sample portal once (the real `scripts/build.ts`) for every test
 * file that needs a built site, into a temporary folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
    sampleBuildLog: string;
    /** The operator's report the sample build wrote beside its output (never inside it). */
    sampleReport: string;
  }
}

let dir: string | undefined;

export async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..');
  dir = mkdtempSync(path.join(tmpdir(), 'terang-sample-'));
  const dist = path.join(dir, 'dist');
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, OUT_DIR: dist, DATA_DIR: path.join(root, 'data') },
    maxBuffer: 64 << 20,
  });
  // The site folder itself, not the link the build makes at OUT_DIR: a test that copies it gets files, not a link
  // back to the shared site (node's cp would make the link absolute, and a write to the copy would change the original).
  project.provide('sampleDist', realpathSync(dist));
  project.provide('sampleBuildLog', stdout + stderr);
  project.provide('sampleReport', path.join(dir, 'laporan-operator.html'));
}

export async function teardown() {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
