/**
 * The parts of Kubernetes objects a rollout reads, as JSON (what the API and watch streams
 * send). Timestamps are RFC 3339 strings.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

export interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  [key: string]: unknown;
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [key: string]: unknown };
  spec?: { containers: Container[]; initContainers?: Container[]; [key: string]: unknown };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface Deployment {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplate;
    paused?: boolean;
    progressDeadlineSeconds?: number;
    minReadySeconds?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: Condition[];
  };
}

export interface ReplicaSet {
  metadata: ObjectMeta;
  spec: { replicas?: number; template: PodTemplate; selector?: LabelSelector };
  status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number };
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatus {
  name: string;
  image?: string;
  imageID?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Pod {
  metadata: ObjectMeta;
  spec?: { nodeName?: string; containers?: Container[] };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    startTime?: string;
  };
}

export interface Service {
  metadata: ObjectMeta;
  spec?: { selector?: Record<string, string>; ports?: { name?: string; port: number; targetPort?: number | string }[] };
}

export interface KubeEvent {
  metadata: ObjectMeta;
  type?: string;
  reason?: string;
  message?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
}

/** Annotations and labels the deployment controller and kubectl use. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function revisionOf(object: { metadata: ObjectMeta } | undefined): number {
  const value = Number(object?.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function conditionOf(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** A label selector as the API's `labelSelector` query parameter writes it. */
export function selectorString(selector: LabelSelector): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) parts.push(`${key}=${value}`);
  for (const expression of selector.matchExpressions ?? []) {
    const values = (expression.values ?? []).join(',');
    switch (expression.operator) {
      case 'In':
        parts.push(`${expression.key} in (${values})`);
        break;
      case 'NotIn':
        parts.push(`${expression.key} notin (${values})`);
        break;
      case 'Exists':
        parts.push(expression.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${expression.key}`);
        break;
      default:
        throw new Error(`unknown label selector operator ${expression.operator}`);
    }
  }
  return parts.join(',');
}

/** Whether `labels` satisfy every term of a Service's equality selector. */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels?.[key] === value);
}
