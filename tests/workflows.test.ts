/**
 * The no-terminal path: the shipped GitHub Actions and GitLab CI workflows
 * are valid YAML (parsed by `yaml`, strict: duplicate keys and bad
 * indentation are errors) and do what the README promises — build on a push
 * of the data, publish dist/ under the project's sub-path, and show the
 * operator's report when the build stops.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from './helpers.ts';

/** Parsed YAML, walked by path in the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: a workflow's shape is what the assertions check
type Yaml = any;

function load(rel: string): Yaml {
  const doc = parseDocument(readFileSync(path.join(ROOT, rel), 'utf8'), { uniqueKeys: true, strict: true, prettyErrors: true });
  expect(doc.errors.map(String), rel).toEqual([]);
  expect(doc.warnings.map(String), rel).toEqual([]);
  return doc.toJS();
}

describe('GitHub Actions → GitHub Pages', () => {
  const wf = load('.github/workflows/terbitkan.yml');
  const steps: Yaml[] = wf.jobs.build.steps;
  const run = steps.map((s) => s.run ?? '').join('\n');

  it('runs on a push of the data to main, and by hand', () => {
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on.push.paths).toContain('data/**');
    expect(wf.on).toHaveProperty('workflow_dispatch');
  });

  it('installs with the project Node, builds under the Pages base path, and publishes dist/', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with['node-version-file']).toBe('.nvmrc');
    expect(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toBe('24');
    const build = steps.find((s) => s.run?.includes('npm run build'))!;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(build.env.BASE_PATH).toBe('${{ steps.pages.outputs.base_path }}');
    expect(steps.some((s) => s.uses?.startsWith('actions/configure-pages@') && s.id === 'pages')).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with.path).toBe('dist');
    expect(wf.jobs.deploy.needs).toBe('build');
    expect(wf.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('puts the operator report in the run summary and fails the run on a data error', () => {
    expect(run).toContain('$GITHUB_STEP_SUMMARY');
    expect(run).toContain('GALAT|PERINGATAN');
    expect(run).toContain('exit "$status"');
    // The raw list is never part of the workflow: hashing stays on the office's computer.
    expect(run).not.toContain('npm run hash');
  });

  it('archives the published release back into the repository', () => {
    expect(run).toContain('git add data/rilis');
    expect(wf.permissions.contents).toBe('write');
  });

  it('compares every label with what the live site publishes before building (a missing archive is an error)', () => {
    const fetchAt = steps.findIndex((s) => s.run?.includes('scripts/fetch-published.ts'));
    const buildAt = steps.findIndex((s) => s.run?.includes('npm run build'));
    expect(fetchAt).toBeGreaterThan(-1);
    expect(fetchAt).toBeLessThan(buildAt);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(steps[fetchAt].run).toContain('${{ steps.pages.outputs.base_url }}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(steps[buildAt].env.TERANG_PUBLISHED_INDEX).toBe('${{ runner.temp }}/rilis-terbit.json');
  });
});

describe('GitLab CI → GitLab Pages', () => {
  const ci = load('.gitlab-ci.yml');
  it('builds on the default branch with Node 24 under the project path and publishes dist/', () => {
    expect(ci.pages.image).toBe('node:24-bookworm');
    expect(ci.pages.rules[0].if).toBe('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    const script: string[] = ci.pages.script;
    expect(script.some((l) => l.includes('BASE_PATH') && l.includes('CI_PAGES_URL'))).toBe(true);
    expect(script.some((l) => l.includes('npm run build') && l.includes('laporan-build.txt') && l.includes('TERANG_PUBLISHED_INDEX'))).toBe(
      true,
    );
    expect(script.findIndex((l) => l.includes('fetch-published.ts'))).toBeLessThan(script.findIndex((l) => l.includes('npm run build')));
    expect(script).toContain('cp -rL dist public'); // dist is a link; Pages gets the folder
    expect(ci.pages.pages.publish).toBe('public');
    expect(ci.pages.artifacts.when).toBe('always');
    expect(ci.pages.artifacts.paths).toContain('laporan-build.txt');
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  it('shows the no-terminal path step by step', () => {
    const section = readme.slice(readme.indexOf('## Publishing without a terminal'));
    expect(section.length).toBeGreaterThan(500);
    for (const s of ['terbitkan.yml', '.gitlab-ci.yml', 'templat.xlsx', 'Add file', 'Upload files', 'Actions', 'npm run hash'])
      expect(section).toContain(s);
  });
});
