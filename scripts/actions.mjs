// The actions of the suite: the folder each is published under, and the bundle it runs.
// gke-rollout-verify is the same action as gke-rollout under a second public name.
export const BUNDLES = [
  'detect-changed-services',
  'dvc-repro-and-push',
  'metrics-regression-gate',
  'build-scan-push',
  'gke-rollout',
];

export const ALIASES = {
  'gke-rollout-verify': { source: 'gke-rollout', name: 'Aura GKE rollout and verify' },
};

export const ACTION_FOLDERS = [...BUNDLES, ...Object.keys(ALIASES)];
