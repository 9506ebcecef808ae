// The light build of Bottleneck (no clustering), which the octokit plugins load too; same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
