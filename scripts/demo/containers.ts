/** Whether this machine can build, scan and push images: the demo says so when it cannot. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { engineClient } from '../../__tests__/docker/support.js';
import { findTool } from '../../__tests__/harness/tools.js';

/** Why images cannot be built here, or undefined when the engine and every tool answer. */
export function containerGap(): string | undefined {
  const missing = ['docker-registry', 'htpasswd', 'trivy'].filter((tool) => !findTool(tool));
  if (!findTool('busybox') && !existsSync('/bin/busybox')) missing.push('busybox');
  if (missing.length > 0) return `${missing.join(', ')} not installed`;
  try {
    execFileSync(engineClient(), ['info'], { stdio: 'ignore', timeout: 20_000 });
  } catch {
    return `no Docker engine answers (\`${engineClient()} info\` failed${process.env.DOCKER_HOST ? ` for DOCKER_HOST=${process.env.DOCKER_HOST}` : ''})`;
  }
  return undefined;
}
