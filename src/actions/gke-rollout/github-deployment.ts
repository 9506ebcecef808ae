import * as core from '../../core/runner.js';
import type { GitHubClient } from '../../github/client.js';
import type { RepositoryRef } from '../../github/context.js';

/**
 * The GitHub deployment that records a rollout in an environment: created `in_progress` when
 * the rollout starts, then `success` or `failure`; on success the deployment it replaced is
 * marked `inactive`. The environment URL and the run's log go on every status.
 */

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentRecordOptions {
  repository: RepositoryRef;
  /** The commit deployed (GITHUB_SHA). */
  ref: string;
  environment: string;
  environmentUrl?: string;
  logUrl: string;
  description: string;
  payload: Record<string, unknown>;
}

function shorten(text: string): string {
  return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}

export class DeploymentRecord {
  private constructor(
    private readonly octokit: GitHubClient,
    private readonly options: DeploymentRecordOptions,
    readonly id: number,
    readonly url: string,
  ) {}

  static async create(octokit: GitHubClient, options: DeploymentRecordOptions): Promise<DeploymentRecord> {
    const response = await octokit.rest.repos.createDeployment({
      ...options.repository,
      ref: options.ref,
      task: 'deploy',
      environment: options.environment,
      description: shorten(options.description),
      auto_merge: false,
      required_contexts: [],
      payload: options.payload as { [key: string]: unknown },
      transient_environment: false,
      production_environment: /^prod/i.test(options.environment),
    });
    const data = response.data as { id?: number; url?: string; message?: string };
    if (typeof data.id !== 'number') {
      throw new Error(`GitHub did not create the deployment: ${data.message ?? JSON.stringify(data)}`);
    }
    core.info(`GitHub deployment ${data.id} created for environment ${options.environment}`);
    return new DeploymentRecord(octokit, options, data.id, data.url ?? '');
  }

  async setStatus(state: DeploymentState, description: string): Promise<void> {
    await this.octokit.rest.repos.createDeploymentStatus({
      ...this.options.repository,
      deployment_id: this.id,
      state,
      description: shorten(description),
      log_url: this.options.logUrl,
      environment_url: this.options.environmentUrl ?? '',
      environment: this.options.environment,
      // The deployment this one replaced is marked inactive explicitly, below.
      auto_inactive: false,
    });
  }

  /** Marks the environment's earlier deployments whose latest status is success as inactive; returns their ids. */
  async retireReplaced(): Promise<number[]> {
    const { data: deployments } = await this.octokit.rest.repos.listDeployments({
      ...this.options.repository,
      environment: this.options.environment,
      per_page: 30,
    });
    const retired: number[] = [];
    for (const deployment of deployments) {
      if (deployment.id === this.id || deployment.id > this.id) continue;
      const { data: statuses } = await this.octokit.rest.repos.listDeploymentStatuses({
        ...this.options.repository,
        deployment_id: deployment.id,
        per_page: 1,
      });
      if (statuses[0]?.state !== 'success') continue;
      await this.octokit.rest.repos.createDeploymentStatus({
        ...this.options.repository,
        deployment_id: deployment.id,
        state: 'inactive',
        description: shorten(`replaced by deployment ${this.id}`),
        environment: this.options.environment,
      });
      retired.push(deployment.id);
    }
    return retired;
  }
}
