// Test helpers other packages use too (the web app's end-to-end tests).
export { startEmbeddedProcess, type TEmbeddedRun } from './embedded-process';
export { TestBrowser } from './browser';
export { startStack, type TStack } from './stack';
