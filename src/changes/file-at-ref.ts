import { type BlobRequest, readObjects } from '../git/objects.js';
import type { FileAtRef } from './types.js';

/**
 * Reads files as they are at a commit (dvc.yaml and params.yaml at the base and the head).
 * Reads asked for in the same turn of the event loop (e.g. under one `Promise.all`) share one
 * `git cat-file --batch` process; a file read twice is read once. A file absent at the commit
 * reads as undefined; a commit absent from the repository is an error, never "no file".
 */
export function fileAtRef(cwd: string): FileAtRef {
  const cache = new Map<string, Promise<string | undefined>>();
  let pending: { request: BlobRequest; resolve: (value: string | undefined) => void; reject: (error: unknown) => void }[] = [];

  const flush = (): void => {
    const batch = pending;
    pending = [];
    const refs = [...new Set(batch.map((item) => item.request.ref))];
    const names = [...refs.map((ref) => `${ref}^{commit}`), ...batch.map(({ request }) => `${request.ref}:${request.path}`)];
    readObjects(cwd, names).then(
      (objects) => {
        const missing = refs.find((_, index) => objects[index]?.type !== 'commit');
        if (missing !== undefined) {
          const error = new Error(`cannot read files at ${missing}: no such commit in the repository at ${cwd}`);
          for (const item of batch) item.reject(error);
          return;
        }
        batch.forEach((item, index) => {
          const object = objects[refs.length + index];
          item.resolve(object?.type === 'blob' ? object.content.toString('utf8') : undefined);
        });
      },
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  };

  return (ref: string, path: string): Promise<string | undefined> => {
    const normalised = path.replace(/^(\.?\/)+/, '');
    const key = `${ref}\0${normalised}`;
    let read = cache.get(key);
    if (!read) {
      read = new Promise<string | undefined>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ request: { ref, path: normalised }, resolve, reject });
      });
      cache.set(key, read);
    }
    return read;
  };
}
