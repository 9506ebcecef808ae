/** Where in a user's file a problem is, for the error line and the GitHub annotation. */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * An error the user can fix: bad input, a malformed file, a missing tool.
 * The action prints its message as one error line (annotated on the file when
 * `location` is set) and exits non-zero, without a stack trace.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly location: FileLocation | undefined;

  constructor(message: string, location?: FileLocation) {
    super(message);
    this.location = location;
  }
}

export function formatLocation(location: FileLocation): string {
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/**
 * A Node system error (ENOENT, EACCES...). Checked by shape, not `instanceof Error`: errors
 * from another realm (a VM context, as in tests) are not instances of this realm's Error.
 */
export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
