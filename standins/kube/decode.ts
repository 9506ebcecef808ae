/**
 * Decoding a request body against the type's schema, as the API server's typed decoder
 * does: unknown fields are dropped (and reported: an error under fieldValidation=Strict, a
 * warning under the default Warn), nulls become "unset", and a value of the wrong JSON type
 * is an error.
 */
import { childSchema, itemSchema, type Schema } from './schema.js';
import { isPlainObject } from './util.js';

export interface DecodeResult {
  value: unknown;
  unknownFields: string[];
  typeErrors: string[];
}

function goTypeName(schema: Schema): string {
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int64' ? 'int64' : 'int32';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'list':
      return '[]' + goTypeName(schema.items);
    case 'map':
      return 'map[string]' + goTypeName(schema.values);
    case 'object':
      return schema.goType ?? 'struct';
    default:
      return 'interface {}';
  }
}

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

export function decodeWithSchema(value: unknown, schema: Schema, rootType: string): DecodeResult {
  const unknownFields: string[] = [];
  const typeErrors: string[] = [];

  const walk = (node: unknown, s: Schema, path: string, owner: string): unknown => {
    if (node === null || node === undefined) return undefined;
    const mismatch = (): undefined => {
      typeErrors.push(
        `json: cannot unmarshal ${jsonTypeName(node)} into Go struct field ${owner}.${path} of type ${goTypeName(s)}`,
      );
      return undefined;
    };
    switch (s.type) {
      case 'any':
        return node;
      case 'string':
        return typeof node === 'string' ? node : mismatch();
      case 'integer':
        return typeof node === 'number' && Number.isInteger(node) ? node : mismatch();
      case 'number':
        return typeof node === 'number' ? node : mismatch();
      case 'boolean':
        return typeof node === 'boolean' ? node : mismatch();
      case 'int-or-string':
        return typeof node === 'string' || (typeof node === 'number' && Number.isInteger(node)) ? node : mismatch();
      case 'list': {
        if (!Array.isArray(node)) return mismatch();
        return node.map((item, i) => walk(item, itemSchema(s)!, `${path}[${i}]`, owner)).filter((x) => x !== undefined);
      }
      case 'map': {
        if (!isPlainObject(node)) return mismatch();
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(node)) {
          const child = walk(v, s.values, path, owner);
          if (child !== undefined) out[k] = child;
        }
        return out;
      }
      case 'object': {
        if (!isPlainObject(node)) return mismatch();
        const out: Record<string, unknown> = {};
        const nextOwner = s.goType ?? owner;
        for (const [k, v] of Object.entries(node)) {
          const childPath = path ? `${path}.${k}` : k;
          const sub = childSchema(s, k);
          if (!sub) {
            unknownFields.push(childPath);
            continue;
          }
          const child = walk(v, sub, childPath, nextOwner);
          if (child !== undefined) out[k] = child;
        }
        return out;
      }
    }
  };

  const decoded = walk(value, schema, '', rootType);
  return { value: decoded, unknownFields, typeErrors };
}
