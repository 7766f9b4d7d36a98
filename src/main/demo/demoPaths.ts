/** Where the demo study lives: one study file and its agency files beside it, in a chosen folder. */
import path from 'node:path';

export const DEMO_STUDY_NAME = 'Customer Energy demo';
export const DEMO_STUDY_FILE = 'customer-energy-demo.cew';
export const DEMO_SOURCES_FOLDER = 'customer-energy-demo-sources';

export function demoPaths(folder: string): { study: string; sources: string } {
  return {
    study: path.join(folder, DEMO_STUDY_FILE),
    sources: path.join(folder, DEMO_SOURCES_FOLDER),
  };
}
