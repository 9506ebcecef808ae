/** Validation of the fields a rollout depends on, with the API server's messages. */
import type { StatusCause } from './errors.js';
import { labelSelectorMatcher } from './selectors.js';
import { deepEqual, isPlainObject, type KubeObject } from './util.js';

type Obj = Record<string, any>;

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const required = (field: string): StatusCause => ({ reason: 'FieldValueRequired', message: 'Required value', field });

function invalidValue(field: string, value: unknown, why: string): StatusCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${goValue(value)}: ${why}`, field };
}

function forbidden(field: string, why: string): StatusCause {
  return { reason: 'FieldValueForbidden', message: `Forbidden: ${why}`, field };
}

function unsupported(field: string, value: unknown, supported: string[]): StatusCause {
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
    field,
  };
}

function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    return `map[string]string{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

export type NameRule = 'subdomain' | 'label' | 'dns1035';

export function validateName(name: unknown, rule: NameRule, field = 'metadata.name'): StatusCause[] {
  if (typeof name !== 'string' || name === '') return [{ ...required(field), message: 'Required value: name or generateName is required' }];
  if (rule === 'subdomain' && (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))) {
    return [
      invalidValue(
        field,
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    ];
  }
  if (rule === 'label' && (name.length > 63 || !DNS1123_LABEL.test(name))) {
    return [
      invalidValue(
        field,
        name,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ),
    ];
  }
  if (rule === 'dns1035' && (name.length > 63 || !DNS1035_LABEL.test(name))) {
    return [
      invalidValue(
        field,
        name,
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ),
    ];
  }
  return [];
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function validateLabels(labels: unknown, field: string): StatusCause[] {
  if (!isPlainObject(labels)) return [];
  const causes: StatusCause[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      causes.push(
        invalidValue(
          `${field}`,
          value,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      );
    }
    if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key)) {
      causes.push(invalidValue(field, key, 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character'));
    }
  }
  return causes;
}

function validateContainers(spec: Obj, field: string): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = spec.containers as Obj[] | undefined;
  if (!Array.isArray(containers) || containers.length === 0) return [required(`${field}.containers`)];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${field}.containers[${i}]`;
    if (!c.name) causes.push(required(`${at}.name`));
    else {
      causes.push(...validateName(c.name, 'label', `${at}.name`));
      if (names.has(c.name)) causes.push({ reason: 'FieldValueDuplicate', message: `Duplicate value: ${JSON.stringify(c.name)}`, field: `${at}.name` });
      names.add(c.name);
    }
    if (!c.image || String(c.image).trim() === '') causes.push(required(`${at}.image`));
    for (const [j, p] of ((c.ports ?? []) as Obj[]).entries()) {
      const port = p.containerPort;
      if (typeof port !== 'number' || port < 1 || port > 65535) {
        causes.push(invalidValue(`${at}.ports[${j}].containerPort`, port, 'must be between 1 and 65535, inclusive'));
      }
    }
  });
  if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    causes.push(unsupported(`${field}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  return causes;
}

function intOrPercent(value: unknown, field: string): { causes: StatusCause[]; isZero: boolean } {
  if (value === undefined) return { causes: [], isZero: false };
  if (typeof value === 'number') {
    return {
      causes: value < 0 ? [invalidValue(field, value, 'must be greater than or equal to 0')] : [],
      isZero: value === 0,
    };
  }
  const m = /^(\d+)%$/.exec(String(value));
  if (!m) return { causes: [invalidValue(field, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")], isZero: false };
  const pct = Number(m[1]);
  const causes = pct > 100 ? [invalidValue(field, value, 'must not be greater than 100%')] : [];
  return { causes, isZero: pct === 0 };
}

function validateTemplateAndSelector(spec: Obj, old: Obj | undefined): StatusCause[] {
  const causes: StatusCause[] = [];
  const selector = spec.selector;
  if (!isPlainObject(selector)) causes.push(required('spec.selector'));
  else if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
    causes.push(invalidValue('spec.selector', selector, 'empty selector is invalid for deployment'));
  }
  const template = spec.template;
  if (!isPlainObject(template)) {
    causes.push(required('spec.template'));
    return causes;
  }
  const labels = template.metadata?.labels;
  causes.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  if (isPlainObject(selector)) {
    let matches = false;
    try {
      matches = labelSelectorMatcher(selector)(labels ?? {});
    } catch {
      matches = false;
    }
    if (!matches) {
      causes.push(invalidValue('spec.template.metadata.labels', labels ?? {}, '`selector` does not match template `labels`'));
    }
  }
  if (!isPlainObject(template.spec)) causes.push(required('spec.template.spec.containers'));
  else causes.push(...validateContainers(template.spec, 'spec.template.spec'));
  if (old && isPlainObject(old.selector) && !deepEqual(old.selector, selector)) {
    causes.push(invalidValue('spec.selector', selector, 'field is immutable'));
  }
  return causes;
}

export function validateDeployment(obj: KubeObject, old?: KubeObject): StatusCause[] {
  const spec = (obj.spec ?? {}) as Obj;
  const causes = [...validateName(obj.metadata?.name, 'subdomain')];
  causes.push(...validateLabels(obj.metadata?.labels, 'metadata.labels'));
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    causes.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  causes.push(...validateTemplateAndSelector(spec, old?.spec));
  const strategy = (spec.strategy ?? {}) as Obj;
  if (!['RollingUpdate', 'Recreate'].includes(strategy.type)) {
    causes.push(unsupported('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate']));
  } else if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined) {
    causes.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === 'RollingUpdate') {
    const rolling = (strategy.rollingUpdate ?? {}) as Obj;
    const surge = intOrPercent(rolling.maxSurge, 'spec.strategy.rollingUpdate.maxSurge');
    const unavailable = intOrPercent(rolling.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable');
    causes.push(...surge.causes, ...unavailable.causes);
    if (surge.isZero && unavailable.isZero) {
      causes.push(invalidValue('spec.strategy.rollingUpdate.maxUnavailable', rolling.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  for (const field of ['minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']) {
    if (typeof spec[field] === 'number' && spec[field] < 0) {
      causes.push(invalidValue(`spec.${field}`, spec[field], 'must be greater than or equal to 0'));
    }
  }
  if (
    typeof spec.progressDeadlineSeconds === 'number' &&
    spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)
  ) {
    causes.push(invalidValue('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return causes;
}

export function validateReplicaSet(obj: KubeObject, old?: KubeObject): StatusCause[] {
  const spec = (obj.spec ?? {}) as Obj;
  const causes = [...validateName(obj.metadata?.name, 'subdomain')];
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    causes.push(invalidValue('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  causes.push(...validateTemplateAndSelector(spec, old?.spec));
  return causes;
}

export function validatePod(obj: KubeObject, old?: KubeObject): StatusCause[] {
  const causes = [...validateName(obj.metadata?.name, 'subdomain')];
  causes.push(...validateLabels(obj.metadata?.labels, 'metadata.labels'));
  if (!isPlainObject(obj.spec)) return [...causes, required('spec.containers')];
  causes.push(...validateContainers(obj.spec, 'spec'));
  if (old) {
    // A pod's spec is immutable apart from images and a few scheduling fields.
    const strip = (spec: Obj): Obj => ({
      ...spec,
      containers: ((spec.containers ?? []) as Obj[]).map((c) => ({ ...c, image: undefined })),
      activeDeadlineSeconds: undefined,
      tolerations: undefined,
      nodeName: undefined,
      terminationGracePeriodSeconds: undefined,
    });
    if (!deepEqual(JSON.parse(JSON.stringify(strip(obj.spec))), JSON.parse(JSON.stringify(strip(old.spec ?? {}))))) {
      causes.push(forbidden('spec', 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'));
    }
  }
  return causes;
}

export function validateService(obj: KubeObject, old?: KubeObject): StatusCause[] {
  const spec = (obj.spec ?? {}) as Obj;
  const causes = [...validateName(obj.metadata?.name, 'dns1035')];
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!types.includes(spec.type)) causes.push(unsupported('spec.type', spec.type, types));
  const ports = (spec.ports ?? []) as Obj[];
  if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None' && ports.length === 0) causes.push(required('spec.ports'));
  ports.forEach((p, i) => {
    if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) {
      causes.push(invalidValue(`spec.ports[${i}].port`, p.port, 'must be between 1 and 65535, inclusive'));
    }
    if (ports.length > 1 && !p.name) causes.push(required(`spec.ports[${i}].name`));
  });
  if (old?.spec?.clusterIP && spec.clusterIP && old.spec.clusterIP !== spec.clusterIP) {
    causes.push(invalidValue('spec.clusterIPs[0]', spec.clusterIP, 'may not change once set'));
  }
  return causes;
}

export function validateNamespace(obj: KubeObject): StatusCause[] {
  return validateName(obj.metadata?.name, 'label');
}

export function validateGeneric(obj: KubeObject): StatusCause[] {
  return [...validateName(obj.metadata?.name, 'subdomain'), ...validateLabels(obj.metadata?.labels, 'metadata.labels')];
}
