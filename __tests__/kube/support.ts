/** Shared set-up for the gke-rollout tests: the Kubernetes API simulator (a stand-in, not a cluster) with Aura's services. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKubeSim, type KubeObject, type KubeSim, type KubeSimOptions, type RequestRecord } from '../../standins/kube/index.js';
import { runBundle, type BundleOptions, type BundleRun } from '../harness/bundle.js';

export const NAMESPACE = 'aura';
export const REGISTRY = 'europe-docker.pkg.dev/aura-prod/aura';
export const V1_DIGEST = `sha256:${'1'.repeat(64)}`;
export const V2_DIGEST = `sha256:${'2'.repeat(64)}`;

export interface ServiceSpec {
  deployment: string;
  container: string;
  app: string;
  replicas?: number;
  progressDeadlineSeconds?: number;
  rollingUpdate?: { maxSurge: number; maxUnavailable: number };
}

export const VISUAL: ServiceSpec = { deployment: 'visual-analysis-service', container: 'visual-analysis', app: 'visual-analysis', replicas: 3 };
export const OUTFIT: ServiceSpec = { deployment: 'outfit-recommendation-service', container: 'outfit-recommendation', app: 'outfit-recommendation', replicas: 2 };

export function deployment(spec: ServiceSpec, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.deployment, namespace: NAMESPACE, labels: { app: spec.app } },
    spec: {
      replicas: spec.replicas ?? 2,
      progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: spec.app } },
      strategy: { type: 'RollingUpdate', rollingUpdate: spec.rollingUpdate ?? { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: spec.app } },
        spec: { containers: [{ name: spec.container, image, ports: [{ name: 'http', containerPort: 8000 }] }] },
      },
    },
  };
}

export function service(spec: ServiceSpec): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: spec.deployment, namespace: NAMESPACE },
    spec: { selector: { app: spec.app }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  };
}

export function rolloutComplete(d: KubeObject | undefined): boolean {
  if (!d) return false;
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= d.metadata.generation &&
    (s.updatedReplicas ?? 0) === d.spec.replicas &&
    (s.replicas ?? 0) === (s.updatedReplicas ?? 0) &&
    (s.availableReplicas ?? 0) === (s.updatedReplicas ?? 0)
  );
}

/** Starts the simulator with the aura namespace and the given services deployed and rolled out. */
export async function startCluster(
  services: { spec: ServiceSpec; image: string }[],
  options: KubeSimOptions = {},
): Promise<KubeSim> {
  const sim = await startKubeSim({ timeScale: 4, ...options });
  sim.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  for (const { spec, image } of services) {
    sim.put(deployment(spec, image));
    sim.put(service(spec));
  }
  await sim.waitFor(() => services.every(({ spec }) => rolloutComplete(sim.get('deployments', NAMESPACE, spec.deployment))), {
    description: 'the initial rollouts',
  });
  return sim;
}

export function currentImage(sim: KubeSim, spec: ServiceSpec): string {
  return sim.get('deployments', NAMESPACE, spec.deployment)!.spec.template.spec.containers[0].image;
}

export function revision(sim: KubeSim, spec: ServiceSpec): string {
  return sim.get('deployments', NAMESPACE, spec.deployment)!.metadata.annotations?.['deployment.kubernetes.io/revision'];
}

/** A workspace with the catalog of two deployable services (a copy of the Aura catalog's deploy entries). */
export function makeWorkspace(extraFiles: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'aura-gke-'));
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(
    join(dir, '.github', 'services.yml'),
    [
      'version: 1',
      'services:',
      '  visual-analysis:',
      '    paths: ["services/visual_analysis/**"]',
      '    image:',
      '      name: visual-analysis',
      '    deploy:',
      `      deployment: ${VISUAL.deployment}`,
      `      container: ${VISUAL.container}`,
      `      namespace: ${NAMESPACE}`,
      '      health_path: /health',
      '  outfit-recommendation:',
      '    paths: ["services/outfit_recommendation/**"]',
      '    image:',
      '      name: outfit-recommendation',
      '    deploy:',
      `      deployment: ${OUTFIT.deployment}`,
      `      container: ${OUTFIT.container}`,
      `      namespace: ${NAMESPACE}`,
      '      health_path: /health',
      '  docs:',
      '    paths: ["docs/**"]',
      '',
    ].join('\n'),
  );
  for (const [path, text] of Object.entries(extraFiles)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const FAST = {
  timeout: '60s',
  'health-interval': '200ms',
  'unschedulable-grace': '3s',
};

export function runRollout(sim: KubeSim | undefined, options: BundleOptions & { inputs: Record<string, string> }): Promise<BundleRun> {
  return runBundle('gke-rollout', {
    timeoutMs: 110_000,
    ...options,
    inputs: { ...(sim ? { kubeconfig: sim.kubeconfigPath } : {}), ...FAST, ...options.inputs },
  });
}

/** The request log of the simulator, for asserting what the action did. */
export function patches(sim: KubeSim, deploymentName: string): RequestRecord[] {
  return sim.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/deployments/${deploymentName}`) && r.status < 300);
}
