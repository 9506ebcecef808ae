/** STAND-IN of the Container API's clusters.get (GKE lookup), for tests and demos; see README.md. */
export { clusterResource, startGkeStandIn } from './server.js';
export type { GkeRequestRecord, GkeStandIn, GkeStandInOptions, StandInAccessToken, StandInCluster } from './server.js';
