/**
 * Decoding of the Kubernetes protobuf encoding (application/vnd.kubernetes.protobuf) for the
 * objects kubectl's typed clients send: `kubectl create namespace|deployment|service|configmap|
 * secret` post protobuf, not JSON. The envelope is "k8s\0" + runtime.Unknown; the object is in
 * the generated.proto layout of k8s.io/api. Only the fields those commands can set are mapped;
 * other fields are skipped. Responses are always JSON, which those clients also accept.
 */
import { badRequest } from './errors.js';

type Value = unknown;
type Obj = Record<string, Value>;

interface FieldSpec {
  name: string;
  kind: 'string' | 'int' | 'bool' | 'bytes64' | 'message' | 'stringMap' | 'bytesMap' | 'quantityMap' | 'time' | 'intOrString' | 'quantity';
  repeated?: boolean;
  message?: () => Message;
  /** Keep a zero value (optional pointer fields, such as replicas: 0). */
  keepZero?: boolean;
}

type Message = Record<number, FieldSpec>;

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw badRequest('truncated protobuf message');
      const byte = this.buf[this.pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw badRequest('malformed protobuf varint');
    }
  }

  bytes(): Buffer {
    const length = Number(this.varint());
    if (this.pos + length > this.buf.length) throw badRequest('truncated protobuf message');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.pos += 8;
        return;
      case 2:
        this.bytes();
        return;
      case 5:
        this.pos += 4;
        return;
      default:
        throw badRequest(`unsupported protobuf wire type ${wireType}`);
    }
  }
}

function toSigned(value: bigint): number {
  return Number(BigInt.asIntN(64, value));
}

function decodeMapEntry(buf: Buffer): [string, Buffer | string] {
  const r = new Reader(buf);
  let key = '';
  let value: Buffer = Buffer.alloc(0);
  while (!r.done) {
    const tag = Number(r.varint());
    const field = tag >> 3;
    if (field === 1 && (tag & 7) === 2) key = r.bytes().toString('utf8');
    else if (field === 2 && (tag & 7) === 2) value = r.bytes();
    else r.skip(tag & 7);
  }
  return [key, value];
}

function isZero(value: Value): boolean {
  if (value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function decodeMessage(buf: Buffer, message: Message): Obj {
  const r = new Reader(buf);
  const out: Obj = {};
  while (!r.done) {
    const tag = Number(r.varint());
    const number = tag >> 3;
    const wireType = tag & 7;
    const spec = message[number];
    if (!spec) {
      r.skip(wireType);
      continue;
    }
    let value: Value;
    switch (spec.kind) {
      case 'string':
        value = r.bytes().toString('utf8');
        break;
      case 'int':
        value = toSigned(r.varint());
        break;
      case 'bool':
        value = r.varint() !== 0n;
        break;
      case 'bytes64':
        value = r.bytes().toString('base64');
        break;
      case 'message':
        value = decodeMessage(r.bytes(), spec.message!());
        break;
      case 'time': {
        const t = decodeMessage(r.bytes(), { 1: { name: 'seconds', kind: 'int' }, 2: { name: 'nanos', kind: 'int' } });
        const seconds = Number(t.seconds ?? 0);
        value = seconds === 0 ? undefined : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
        break;
      }
      case 'intOrString': {
        const v = decodeMessage(r.bytes(), { 1: { name: 'type', kind: 'int' }, 2: { name: 'intVal', kind: 'int' }, 3: { name: 'strVal', kind: 'string' } });
        value = v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
        break;
      }
      case 'quantity':
        value = decodeMessage(r.bytes(), { 1: { name: 'string', kind: 'string' } }).string ?? '0';
        break;
      case 'stringMap':
      case 'bytesMap':
      case 'quantityMap': {
        const [key, raw] = decodeMapEntry(r.bytes());
        const map = (out[spec.name] ??= {}) as Obj;
        map[key] =
          spec.kind === 'stringMap'
            ? (raw as Buffer).toString('utf8')
            : spec.kind === 'bytesMap'
              ? (raw as Buffer).toString('base64')
              : (decodeMessage(raw as Buffer, { 1: { name: 'string', kind: 'string' } }).string ?? '0');
        continue;
      }
    }
    if (spec.repeated) {
      ((out[spec.name] ??= []) as Value[]).push(value);
    } else if (value !== undefined && (spec.keepZero || !isZero(value))) {
      out[spec.name] = value;
    } else {
      delete out[spec.name];
    }
  }
  return out;
}

const f = (name: string, kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind, ...extra });
const msg = (name: string, message: () => Message, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: 'message', message, ...extra });

const OwnerReference: Message = {
  1: f('kind', 'string'),
  3: f('name', 'string'),
  4: f('uid', 'string'),
  5: f('apiVersion', 'string'),
  6: f('controller', 'bool', { keepZero: true }),
  7: f('blockOwnerDeletion', 'bool', { keepZero: true }),
};

const ObjectMeta: Message = {
  1: f('name', 'string'),
  2: f('generateName', 'string'),
  3: f('namespace', 'string'),
  5: f('uid', 'string'),
  6: f('resourceVersion', 'string'),
  7: f('generation', 'int'),
  8: f('creationTimestamp', 'time'),
  11: f('labels', 'stringMap'),
  12: f('annotations', 'stringMap'),
  13: msg('ownerReferences', () => OwnerReference, { repeated: true }),
  14: f('finalizers', 'string', { repeated: true }),
};

const LabelSelector: Message = {
  1: f('matchLabels', 'stringMap'),
  2: msg('matchExpressions', () => ({ 1: f('key', 'string'), 2: f('operator', 'string'), 3: f('values', 'string', { repeated: true }) }), { repeated: true }),
};

const ContainerPort: Message = {
  1: f('name', 'string'),
  2: f('hostPort', 'int'),
  3: f('containerPort', 'int'),
  4: f('protocol', 'string'),
  5: f('hostIP', 'string'),
};

const EnvVar: Message = { 1: f('name', 'string'), 2: f('value', 'string') };

const ResourceRequirements: Message = { 1: f('limits', 'quantityMap'), 2: f('requests', 'quantityMap') };

const Container: Message = {
  1: f('name', 'string'),
  2: f('image', 'string'),
  3: f('command', 'string', { repeated: true }),
  4: f('args', 'string', { repeated: true }),
  5: f('workingDir', 'string'),
  6: msg('ports', () => ContainerPort, { repeated: true }),
  7: msg('env', () => EnvVar, { repeated: true }),
  8: msg('resources', () => ResourceRequirements, { keepZero: true }),
  13: f('terminationMessagePath', 'string'),
  14: f('imagePullPolicy', 'string'),
  16: f('stdin', 'bool'),
  17: f('stdinOnce', 'bool'),
  18: f('tty', 'bool'),
  20: f('terminationMessagePolicy', 'string'),
};

const PodSpec: Message = {
  2: msg('containers', () => Container, { repeated: true }),
  3: f('restartPolicy', 'string'),
  4: f('terminationGracePeriodSeconds', 'int', { keepZero: true }),
  6: f('dnsPolicy', 'string'),
  7: f('nodeSelector', 'stringMap'),
  8: f('serviceAccountName', 'string'),
  19: f('schedulerName', 'string'),
  20: msg('initContainers', () => Container, { repeated: true }),
};

const PodTemplateSpec: Message = { 1: msg('metadata', () => ObjectMeta), 2: msg('spec', () => PodSpec) };

const DeploymentSpec: Message = {
  1: f('replicas', 'int', { keepZero: true }),
  2: msg('selector', () => LabelSelector, { keepZero: true }),
  3: msg('template', () => PodTemplateSpec),
  4: msg('strategy', () => ({
    1: f('type', 'string'),
    2: msg('rollingUpdate', () => ({ 1: f('maxUnavailable', 'intOrString', { keepZero: true }), 2: f('maxSurge', 'intOrString', { keepZero: true }) })),
  })),
  5: f('minReadySeconds', 'int'),
  6: f('revisionHistoryLimit', 'int', { keepZero: true }),
  7: f('paused', 'bool'),
  9: f('progressDeadlineSeconds', 'int', { keepZero: true }),
};

const ServicePort: Message = {
  1: f('name', 'string'),
  2: f('protocol', 'string'),
  3: f('port', 'int'),
  4: f('targetPort', 'intOrString'),
  5: f('nodePort', 'int'),
  6: f('appProtocol', 'string'),
};

const ServiceSpec: Message = {
  1: msg('ports', () => ServicePort, { repeated: true }),
  2: f('selector', 'stringMap'),
  3: f('clusterIP', 'string'),
  4: f('type', 'string'),
  5: f('externalIPs', 'string', { repeated: true }),
  7: f('sessionAffinity', 'string'),
  10: f('externalName', 'string'),
  11: f('externalTrafficPolicy', 'string'),
};

/** Top-level messages by "apiVersion/Kind". */
const KINDS: Record<string, Message> = {
  'v1/Namespace': { 1: msg('metadata', () => ObjectMeta), 2: msg('spec', () => ({ 1: f('finalizers', 'string', { repeated: true }) })) },
  'v1/ConfigMap': { 1: msg('metadata', () => ObjectMeta), 2: f('data', 'stringMap'), 3: f('binaryData', 'bytesMap'), 4: f('immutable', 'bool') },
  'v1/Secret': { 1: msg('metadata', () => ObjectMeta), 2: f('data', 'bytesMap'), 3: f('type', 'string'), 4: f('stringData', 'stringMap'), 5: f('immutable', 'bool') },
  'v1/Service': { 1: msg('metadata', () => ObjectMeta), 2: msg('spec', () => ServiceSpec) },
  'apps/v1/Deployment': { 1: msg('metadata', () => ObjectMeta), 2: msg('spec', () => DeploymentSpec) },
};

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** Decodes a protobuf request body into the JSON form of the object. */
export function decodeKubernetesProtobuf(body: Buffer): Obj {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw badRequest('the protobuf body does not start with the Kubernetes envelope ("k8s\\x00")');
  }
  const unknown = decodeMessage(body.subarray(4), {
    1: msg('typeMeta', () => ({ 1: f('apiVersion', 'string'), 2: f('kind', 'string') })),
    2: f('raw', 'bytes64'),
  });
  const typeMeta = (unknown.typeMeta ?? {}) as Obj;
  const apiVersion = String(typeMeta.apiVersion ?? '');
  const kind = String(typeMeta.kind ?? '');
  const message = KINDS[`${apiVersion}/${kind}`];
  if (!message) {
    throw badRequest(`the stand-in does not decode protobuf for ${apiVersion || '?'} ${kind || '?'}; send JSON (application/json)`);
  }
  const raw = Buffer.from(String(unknown.raw ?? ''), 'base64');
  return { apiVersion, kind, ...decodeMessage(raw, message) };
}
