/** The demo's fixed names and credentials, shared with its test (which checks none of them leaks). */
export const REGISTRY_USER = 'aura-ci';
export const REGISTRY_PASSWORD = 'demo-registry-password-7f3a91';
export const TOKEN = 'ghs_demoWriteToken0000000000000000000000';
export const PULL = 42;
/**
 * The image rolled out when this machine cannot build one. The Kubernetes API simulator does not
 * pull images, so a reference to an image built elsewhere is all the rollout needs.
 */
export const PREBUILT_IMAGE =
  'registry.aura.example/aura/visual-analysis@sha256:4c1f7a0e5f3b9d2a8e6c0b1d7f9a3e5c2b8d4f6a0c9e1b3d5f7a9c2e4b6d8f0a';
