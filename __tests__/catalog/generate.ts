/**
 * A large catalog in the style of the example one, for the loader's tests and benchmark (and for
 * change-detection benchmarks that need a catalog of the same shape): `services` services in
 * services/svc_<i>/, each using one of `groups` shared libraries and, every third one, the
 * previous service. `full` (the default) gives every service DVC stages, image, deploy, metrics
 * and test settings (25 lines a service); `lean` only paths, ignore and uses (4 lines).
 */
export function generateCatalog(
  services: number,
  shape: 'full' | 'lean' = 'full',
  groups = Math.max(1, Math.round(services / 20)),
): string {
  const lines = [
    '# yaml-language-server: $schema=../../schemas/services.schema.json',
    'version: 1',
    'global:',
    '  - requirements-base.txt',
    '  - "pyproject.toml"',
    'shared:',
  ];
  for (let g = 0; g < groups; g++) {
    lines.push(`  lib-${g}:`, `    paths: ["libs/lib_${g}/**"]`, `    ignore: ["libs/lib_${g}/docs/**"]`);
  }
  lines.push('', 'services:');
  for (let i = 0; i < services; i++) {
    const name = `svc-${i}`;
    const uses = [`lib-${i % groups}`, ...(i % 3 === 2 ? [`svc-${i - 1}`] : [])];
    lines.push(
      `  ${name}:`,
      `    paths: ["services/svc_${i}/**", "configs/svc_${i}.yaml"]`,
      '    ignore: ["**/*.md"]',
      `    uses: [${uses.join(', ')}]`,
    );
    if (shape === 'lean') continue;
    lines.push(
      '    dvc:',
      `      stages: [svc_${i}_data_prep, svc_${i}_train]`,
      '    image:',
      `      name: ${name}`,
      '      context: .',
      `      dockerfile: services/svc_${i}/Dockerfile`,
      '      target: production',
      '      build_args: { PYTHON_VERSION: "3.11" }',
      '    deploy:',
      `      deployment: ${name}-service`,
      `      container: ${name}`,
      '      namespace: aura  # the cluster namespace',
      '    metrics:',
      `      files: [metrics/svc_${i}.json]`,
      '      rules:',
      '        "mAP@0.5":      { better: higher, max_drop: 0.01 }',
      '        precision:      { better: higher, max_drop: 0.02 }',
      "        inference_time: { better: lower, max_rise: '10%' }",
      '    test:',
      '      coverage: 80',
      '',
    );
  }
  return lines.join('\n');
}
