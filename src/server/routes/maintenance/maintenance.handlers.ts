import type { BoundRoute } from '../define-route';
import { cleanupWindows, endWindow, extendUntilRecovered, extendWindow, setWindowEndSettings } from './changes.handlers';
import { getWindow, listWindows, planWindow, previewWindowPlan, windowHygiene } from './windows.handlers';

/** Every maintenance route, for the route table. */
export const maintenanceRoutes: BoundRoute[] = [
  listWindows,
  getWindow,
  previewWindowPlan,
  planWindow,
  extendWindow,
  endWindow,
  setWindowEndSettings,
  extendUntilRecovered,
  windowHygiene,
  cleanupWindows,
];
