import type { TestProject } from 'vitest/node';
import type { DevnetManifest } from '../lib/chains/manifest';
import { startDevnet } from './start';

declare module 'vitest' {
  export interface ProvidedContext {
    devnetManifest: DevnetManifest;
  }
}

/** Starts one freshly seeded devnet (on free ports) for the integration tests, and stops it after. */
export default async function setup(project: TestProject) {
  const devnet = await startDevnet();
  project.provide('devnetManifest', devnet.manifest);
  return async () => {
    await devnet.stop();
  };
}
