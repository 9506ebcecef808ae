/**
 * The part of an Octokit client the comment code uses: `request` with a route and its
 * parameters. Any Octokit (with its retry and throttling plugins) fits.
 */
export interface RestResponse {
  status: number;
  data: unknown;
  headers: Record<string, string | number | undefined>;
}

export interface RestClient {
  request(route: string, parameters?: Record<string, unknown>): Promise<RestResponse>;
}

/** The HTTP status of an Octokit RequestError (or anything shaped like one). */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
