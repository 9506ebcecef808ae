import { removeRunnerDirs } from './bundle.js';

// Every test file leaves the temporary folders of the bundles it ran behind it: none.
afterAll(removeRunnerDirs);
