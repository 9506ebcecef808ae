/**
 * Invalid catalogs, each with the one error the loader must report (message, line, column) and
 * whether the JSON Schema can express the rule: `rejects` (the schema must reject the catalog
 * too), `accepts` (a rule the schema cannot state: cycles, references, picomatch, defaults) or
 * `not-yaml` (the text is not valid YAML, so there is nothing to validate).
 */
export interface InvalidCase {
  title: string;
  text: string;
  message: string;
  at: [line: number, column: number];
  schema: 'rejects' | 'accepts' | 'not-yaml';
}

export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** version, then services with service `a` whose `paths` is line 4; extra lines follow. */
function serviceA(...extra: string[]): string {
  return lines('version: 1', 'services:', '  a:', '    paths: [a/**]', ...extra);
}

/** serviceA with a metrics section whose single rule is line 8. */
function rule(text: string): string {
  return serviceA('    metrics:', '      files: [m.json]', '      rules:', `        ${text}`);
}

const PATHS_HINT = 'list globs relative to the repository root, e.g. ["services/example/**"]';
const STAGE_USAGE = "write 'name', 'name@item' for a foreach stage, or 'path/to/dvc.yaml:name'";
const THRESHOLD = 'must be a non-negative number (an absolute change, e.g. 0.01) or a percentage (a relative change, e.g. "5%")';

export const INVALID_CASES: InvalidCase[] = [
  // The document
  {
    title: 'an empty file',
    text: '',
    message: "the catalog is empty; start it with 'version: 1' and a 'services:' mapping (see action-templates/services.yml of aura/actions)",
    at: [1, 1],
    schema: 'rejects',
  },
  {
    title: 'a file with comments only',
    text: lines('# the catalog', '# nothing yet'),
    message: "the catalog is empty; start it with 'version: 1' and a 'services:' mapping (see action-templates/services.yml of aura/actions)",
    at: [1, 1],
    schema: 'rejects',
  },
  {
    title: 'a list instead of a mapping',
    text: lines('- a', '- b'),
    message: 'the catalog must be a mapping with the keys version, global, shared, services, got a list',
    at: [1, 1],
    schema: 'rejects',
  },
  {
    title: 'no version',
    text: lines('services:', '  a:', '    paths: [a/**]'),
    message: "version: missing; add 'version: 1' at the top of the catalog",
    at: [1, 1],
    schema: 'rejects',
  },
  {
    title: 'another version',
    text: lines('version: 2', 'services:', '  a:', '    paths: [a/**]'),
    message: 'version: must be 1, got the number 2; this release of aura/actions reads catalog version 1',
    at: [1, 10],
    schema: 'rejects',
  },
  {
    title: 'the version as a string',
    text: lines('version: "1"', 'services:', '  a:', '    paths: [a/**]'),
    message: "version: must be the number 1, got the string '1'; write version: 1 without quotes",
    at: [1, 10],
    schema: 'rejects',
  },
  {
    title: 'a misspelt top-level key (not also reported as missing)',
    text: lines('version: 1', 'service:', '  a:', '    paths: [a/**]'),
    message: "service: unknown key; did you mean 'services'?",
    at: [2, 1],
    schema: 'rejects',
  },
  {
    title: 'an unknown top-level key',
    text: lines('version: 1', 'owners: [team-a]', 'services:', '  a:', '    paths: [a/**]'),
    message: 'owners: unknown key; the catalog accepts version, global, shared, services',
    at: [2, 1],
    schema: 'rejects',
  },
  {
    title: 'no service',
    text: lines('version: 1', 'services: {}'),
    message: 'services: no service is defined; add at least one service with its paths',
    at: [2, 11],
    schema: 'rejects',
  },
  {
    title: 'services with nothing after it',
    text: lines('version: 1', 'services:'),
    message: 'services: must be a mapping, got nothing; add at least one service with its paths',
    at: [2, 1],
    schema: 'rejects',
  },
  {
    title: 'a service with nothing after it',
    text: lines('version: 1', 'services:', '  a:'),
    message: 'services.a: must be a mapping, got nothing; give the service its paths, e.g. paths: ["services/a/**"]',
    at: [3, 3],
    schema: 'rejects',
  },

  // YAML
  {
    title: 'a service written twice',
    text: lines('version: 1', 'services:', '  a:', '    paths: [a/**]', '  a:', '    paths: [b/**]'),
    message: "services.a: duplicate key; 'a' is already defined on line 3; remove one of them or merge their contents",
    at: [5, 3],
    schema: 'not-yaml',
  },
  {
    title: 'a duplicate key in a flow mapping',
    text: rule('accuracy: { better: higher, better: lower }'),
    message:
      "services.a.metrics.rules.accuracy.better: duplicate key; 'better' is already defined on line 8; remove one of them or merge their contents",
    at: [8, 37],
    schema: 'not-yaml',
  },
  {
    title: 'an unclosed flow list',
    text: lines('version: 1', 'services:', '  a:', '    paths: [a/**', '  b:', '    paths: [b/**]'),
    message: 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the syntax at this position',
    at: [5, 3],
    schema: 'not-yaml',
  },
  {
    title: 'a tab as indentation',
    text: lines('version: 1', 'services:', '\ta:', '\t\tpaths: [a/**]'),
    message: 'invalid YAML: Tabs are not allowed as indentation; fix the syntax at this position',
    at: [3, 1],
    schema: 'not-yaml',
  },

  // Names
  {
    title: 'a service name with a space',
    text: lines('version: 1', 'services:', '  visual analysis:', '    paths: [a/**]'),
    message: `services."visual analysis": invalid service name; use only letters, digits, '_', '.' and '-' (for example 'visual-analysis')`,
    at: [3, 3],
    schema: 'rejects',
  },
  {
    title: 'a shared group name with a slash',
    text: lines('version: 1', 'shared:', '  ml/common:', '    paths: [libs/**]', 'services:', '  a:', '    paths: [a/**]'),
    message: `shared."ml/common": invalid shared group name; use only letters, digits, '_', '.' and '-' (for example 'ml-common')`,
    at: [3, 3],
    schema: 'rejects',
  },
  {
    title: 'a service with the name of a shared group',
    text: lines('version: 1', 'shared:', '  common:', '    paths: [libs/**]', 'services:', '  common:', '    paths: [a/**]'),
    message: "services.common: 'common' is also the name of a shared group (line 3); rename one of them, since uses: [common] could mean either",
    at: [6, 3],
    schema: 'accepts',
  },

  // Globs
  {
    title: 'an absolute path',
    text: lines('version: 1', 'services:', '  a:', '    paths: ["/services/a/**"]'),
    message: "services.a.paths[0]: '/services/a/**' is an absolute path; globs are relative to the repository root: write 'services/a/**'",
    at: [4, 13],
    schema: 'rejects',
  },
  {
    title: 'a path out of the repository',
    text: lines('version: 1', 'services:', '  a:', '    paths: [../shared/**]'),
    message: "services.a.paths[0]: '../shared/**' has a '..' segment; globs name files inside the repository, relative to its root",
    at: [4, 13],
    schema: 'rejects',
  },
  {
    title: 'backslashes',
    text: lines('version: 1', 'services:', '  a:', "    paths: ['services\\a\\**']"),
    message:
      "services.a.paths[0]: 'services\\a\\**' contains a backslash; separate folders with '/' (in a glob a backslash escapes the next character): 'services/a/**'",
    at: [4, 13],
    schema: 'rejects',
  },
  {
    title: 'a negated glob in paths',
    text: lines('version: 1', 'services:', '  a:', '    paths: [a/**, "!a/docs/**"]'),
    message: "services.a.paths[1]: '!a/docs/**' starts with '!', but negation is not supported in paths; list the files to leave out under 'ignore' instead",
    at: [4, 19],
    schema: 'rejects',
  },
  {
    title: 'a negated glob written unquoted (a YAML tag)',
    text: lines('version: 1', 'services:', '  a:', '    paths:', '      - a/**', '      - !a/docs/**'),
    message: "services.a.paths[1]: '!a/docs/**' starts with '!', but negation is not supported in paths; list the files to leave out under 'ignore' instead",
    at: [6, 9],
    schema: 'rejects',
  },
  {
    title: 'a folder with a trailing slash',
    text: lines('version: 1', 'services:', '  a:', '    paths: [services/a/]'),
    message: "services.a.paths[0]: 'services/a/' ends with '/' and so matches no file; write 'services/a/**' to match everything under the folder",
    at: [4, 13],
    schema: 'rejects',
  },
  {
    title: 'a glob picomatch cannot compile',
    text: lines('version: 1', 'services:', '  a:', '    paths: ["services/{a,b/**"]'),
    message: "services.a.paths[0]: 'services/{a,b/**' is not a valid glob (unterminated group); check its brackets, braces and parentheses",
    at: [4, 13],
    schema: 'accepts',
  },
  {
    title: 'a negated glob in ignore',
    text: serviceA('    ignore: ["!**/*.py"]'),
    message: "services.a.ignore[0]: '!**/*.py' starts with '!', but negation is not supported in ignore; list under 'paths' what should count and under 'ignore' what should not",
    at: [5, 14],
    schema: 'rejects',
  },
  {
    title: "a '.' segment in global",
    text: lines('version: 1', 'global: [./requirements.txt]', 'services:', '  a:', '    paths: [a/**]'),
    message: "global[0]: './requirements.txt' has a '.' segment; write it without: 'requirements.txt'",
    at: [2, 10],
    schema: 'rejects',
  },
  {
    title: 'a service without paths',
    text: lines('version: 1', 'services:', '  a:', '    ignore: ["**/*.md"]'),
    message: 'services.a.paths: missing; list the service\'s files, e.g. paths: ["services/a/**"]',
    at: [3, 3],
    schema: 'rejects',
  },
  {
    title: 'an empty paths list',
    text: lines('version: 1', 'services:', '  a:', '    paths: []'),
    message: `services.a.paths: is empty; ${PATHS_HINT}`,
    at: [4, 12],
    schema: 'rejects',
  },
  {
    title: 'paths as a string',
    text: lines('version: 1', 'services:', '  a:', '    paths: services/a/**'),
    message: `services.a.paths: must be a list, got the string 'services/a/**'; ${PATHS_HINT}`,
    at: [4, 12],
    schema: 'rejects',
  },
  {
    title: 'a shared group without paths',
    text: lines('version: 1', 'shared:', '  common: {}', 'services:', '  a:', '    paths: [a/**]'),
    message: 'shared.common.paths: missing; list the group\'s files, e.g. paths: ["libs/common/**"]',
    at: [3, 3],
    schema: 'rejects',
  },

  // Keys
  {
    title: 'a misspelt service key',
    text: serviceA('    imgae: {}'),
    message: "services.a.imgae: unknown key; did you mean 'image'?",
    at: [5, 5],
    schema: 'rejects',
  },
  {
    title: 'an unknown service key',
    text: serviceA('    owner: team-x'),
    message: 'services.a.owner: unknown key; services.a accepts paths, ignore, uses, dvc, image, deploy, metrics, test',
    at: [5, 5],
    schema: 'rejects',
  },
  {
    title: "a key with '-' for '_'",
    text: serviceA('    image:', '      build-args: { X: "1" }'),
    message: "services.a.image.build-args: unknown key; did you mean 'build_args'?",
    at: [6, 7],
    schema: 'rejects',
  },
  {
    title: 'a YAML merge key',
    text: lines('version: 1', 'services:', '  a: &a', '    paths: [a/**]', '  b:', '    <<: *a'),
    message: 'services.b."<<": YAML merge keys are not supported in the catalog; write the keys out',
    at: [6, 5],
    schema: 'rejects',
  },

  // uses
  {
    title: 'an unknown name in uses',
    text: lines('version: 1', 'shared:', '  ml-common:', '    paths: [libs/ml_common/**]', 'services:', '  a:', '    paths: [a/**]', '    uses: [ml-comon]'),
    message: "services.a.uses[0]: 'ml-comon' is neither a shared group nor a service; did you mean 'ml-common'? shared groups: ml-common; services: a",
    at: [8, 12],
    schema: 'accepts',
  },
  {
    title: 'a cycle through three services',
    text: lines(
      'version: 1',
      'services:',
      '  a:',
      '    paths: [a/**]',
      '    uses: [b]',
      '  b:',
      '    paths: [b/**]',
      '    uses: [c]',
      '  c:',
      '    paths: [c/**]',
      '    uses: [a]',
    ),
    message:
      'services.a.uses[0]: dependency cycle a -> b -> c -> a; a service cannot depend on itself, directly or through others: remove one of these uses',
    at: [5, 12],
    schema: 'accepts',
  },
  {
    title: 'a service that uses itself',
    text: serviceA('    uses: [a]'),
    message:
      'services.a.uses[0]: dependency cycle a -> a; a service cannot depend on itself, directly or through others: remove one of these uses',
    at: [5, 12],
    schema: 'accepts',
  },
  {
    title: 'a name listed twice in uses',
    text: serviceA('    uses: [b, b]', '  b:', '    paths: [b/**]'),
    message: "services.a.uses[1]: 'b' is listed twice; remove one",
    at: [5, 15],
    schema: 'rejects',
  },

  // dvc
  {
    title: 'dvc without stages',
    text: serviceA('    dvc: {}'),
    message: "services.a.dvc.stages: missing; list the service's DVC stages, e.g. stages: [prepare, train]",
    at: [5, 5],
    schema: 'rejects',
  },
  {
    title: 'an empty stage list',
    text: serviceA('    dvc: { stages: [] }'),
    message: 'services.a.dvc.stages: is empty; list DVC stage names, e.g. [prepare, train]',
    at: [5, 20],
    schema: 'rejects',
  },
  {
    title: 'a stage name with a space',
    text: serviceA('    dvc: { stages: [visual train] }'),
    message: `services.a.dvc.stages[0]: 'visual train' is not a DVC stage name; ${STAGE_USAGE}; stage names use letters, digits, '_' and '-'`,
    at: [5, 21],
    schema: 'rejects',
  },
  {
    title: 'a stage in a file that is not dvc.yaml',
    text: serviceA('    dvc: { stages: ["pipelines/train.yaml:train"] }'),
    message: `services.a.dvc.stages[0]: 'pipelines/train.yaml:train' names a stage in 'pipelines/train.yaml', which is not a dvc.yaml file; ${STAGE_USAGE}`,
    at: [5, 21],
    schema: 'rejects',
  },

  // image
  {
    title: 'an upper-case image name',
    text: serviceA('    image: { name: Visual-Analysis }'),
    message:
      "services.a.image.name: 'Visual-Analysis' is not a valid image name; use lower-case letters and digits, with '.', '_', '__' or '-' between them and '/' between path components (for example 'visual-analysis'); the registry comes from the build action's inputs",
    at: [5, 20],
    schema: 'rejects',
  },
  {
    title: 'a service name that is no image name, without image.name',
    text: lines('version: 1', 'services:', '  _a:', '    paths: [a/**]', '    image: {}'),
    message: "services._a.image: the default image name '_a' (the service name in lower case) is not a valid image name; set image.name",
    at: [5, 5],
    schema: 'accepts',
  },
  {
    title: 'an absolute build context',
    text: serviceA('    image: { context: /src }'),
    message: "services.a.image.context: '/src' is an absolute path; paths are relative to the repository root: write 'src'",
    at: [5, 23],
    schema: 'rejects',
  },
  {
    title: 'a Dockerfile outside the repository',
    text: serviceA('    image: { context: a, dockerfile: ../../Dockerfile }'),
    message: "services.a.image.dockerfile: '../../Dockerfile' relative to the context 'a' is outside the repository",
    at: [5, 38],
    schema: 'accepts',
  },
  {
    title: 'a target that is no stage name',
    text: serviceA('    image: { target: 1-prod }'),
    message:
      "services.a.image.target: '1-prod' is not a Dockerfile stage name; use the name after 'AS' in 'FROM ... AS <name>' (a letter, then letters, digits, '_', '.' or '-')",
    at: [5, 22],
    schema: 'rejects',
  },
  {
    title: 'a build argument given a list',
    text: serviceA('    image:', '      build_args:', '        EXTRAS: [gpu]'),
    message: "services.a.image.build_args.EXTRAS: must be a string, number or boolean, got a list; write '' for an empty value",
    at: [7, 17],
    schema: 'rejects',
  },
  {
    title: 'image with nothing after it',
    text: serviceA('    image:'),
    message: 'services.a.image: must be a mapping, got nothing; write image: {} to build with the defaults',
    at: [5, 5],
    schema: 'rejects',
  },

  // deploy
  {
    title: 'deploy without a deployment',
    text: serviceA('    deploy: { namespace: aura }'),
    message: 'services.a.deploy.deployment: missing; name the Kubernetes Deployment that runs the service',
    at: [5, 5],
    schema: 'rejects',
  },
  {
    title: 'a Deployment name Kubernetes refuses',
    text: serviceA('    deploy: { deployment: Visual_Service }'),
    message:
      "services.a.deploy.deployment: 'Visual_Service' is not a valid Deployment name in Kubernetes; use at most 253 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit",
    at: [5, 27],
    schema: 'rejects',
  },
  {
    title: 'a service name that is no container name, without deploy.container',
    text: lines('version: 1', 'services:', '  a_b:', '    paths: [a/**]', '    deploy: { deployment: a-b }'),
    message:
      "services.a_b.deploy: the default container name 'a_b' (the service name in lower case) is not a valid Kubernetes container name; set deploy.container",
    at: [5, 5],
    schema: 'accepts',
  },
  {
    title: 'a health path without a leading slash',
    text: serviceA('    deploy: { deployment: a, health_path: healthz }'),
    message: "services.a.deploy.health_path: 'healthz' is not an HTTP path; write it with a leading '/' and no spaces, e.g. '/health'",
    at: [5, 43],
    schema: 'rejects',
  },

  // metrics
  {
    title: 'metrics without files',
    text: serviceA('    metrics: { rules: {} }'),
    message: "services.a.metrics.files: missing; list the service's metrics files, e.g. files: [metrics/service.json]",
    at: [5, 5],
    schema: 'rejects',
  },
  {
    title: 'a glob as a metrics file',
    text: serviceA('    metrics: { files: [metrics/*.json] }'),
    message: "services.a.metrics.files[0]: 'metrics/*.json' is a glob, but metrics files are read as named; list each file",
    at: [5, 24],
    schema: 'rejects',
  },
  {
    title: 'a rule without a direction',
    text: rule('accuracy: { max_drop: 0.01 }'),
    message: "services.a.metrics.rules.accuracy.better: missing; say whether a higher or a lower value is better: 'better: higher' or 'better: lower'",
    at: [8, 9],
    schema: 'rejects',
  },
  {
    title: 'a misspelt direction',
    text: rule('accuracy: { better: highr }'),
    message: "services.a.metrics.rules.accuracy.better: must be 'higher' or 'lower', got 'highr'; did you mean 'higher'?",
    at: [8, 29],
    schema: 'rejects',
  },
  {
    title: 'max_rise on a metric where higher is better (a name with dots and @)',
    text: rule('"mAP@0.5": { better: higher, max_rise: 0.01 }'),
    message:
      'services.a.metrics.rules."mAP@0.5".max_rise: a metric where higher is better regresses when it drops; use max_drop instead of max_rise',
    at: [8, 38],
    schema: 'rejects',
  },
  {
    title: 'max_drop on a metric where lower is better',
    text: rule('latency: { better: lower, max_drop: "10%" }'),
    message:
      'services.a.metrics.rules.latency.max_drop: a metric where lower is better regresses when it rises; use max_rise instead of max_drop',
    at: [8, 35],
    schema: 'rejects',
  },
  {
    title: 'a negative threshold',
    text: rule('accuracy: { better: higher, max_drop: -0.01 }'),
    message: `services.a.metrics.rules.accuracy.max_drop: ${THRESHOLD}, got the number -0.01`,
    at: [8, 47],
    schema: 'rejects',
  },
  {
    title: 'a threshold in words',
    text: rule("latency: { better: lower, max_rise: 'a lot' }"),
    message: `services.a.metrics.rules.latency.max_rise: ${THRESHOLD}, got the string 'a lot'`,
    at: [8, 45],
    schema: 'rejects',
  },

  // test
  {
    title: 'a coverage above 100',
    text: serviceA('    test: { coverage: 120 }'),
    message: 'services.a.test.coverage: must be a number from 0 to 100 (percent of lines covered), got the number 120',
    at: [5, 23],
    schema: 'rejects',
  },
  {
    title: 'a coverage written with %',
    text: serviceA('    test: { coverage: 80% }'),
    message: "services.a.test.coverage: must be a number from 0 to 100 (percent of lines covered), got the string '80%'; write 80 without '%'",
    at: [5, 23],
    schema: 'rejects',
  },

  // Which error comes first
  {
    title: 'two problems: the first in the document wins, even one found by a later check',
    text: lines('version: 1', 'services:', '  a:', '    paths: [a/**]', '    uses: [nothing]', '  b:', '    paths: [b/**]', '    imgae: {}'),
    message: "services.a.uses[0]: 'nothing' is neither a shared group nor a service; shared groups: none; services: a, b",
    at: [5, 12],
    schema: 'rejects',
  },
];
