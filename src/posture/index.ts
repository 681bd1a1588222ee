export { worstLevel } from './finding.ts';
export { judgePosture } from './judge-posture.ts';
export {
  type PageSpeed,
  POSTURE_LEVELS,
  type Posture,
  type PostureFinding,
  type PostureLevel,
  postureSchema,
} from './posture-schema.ts';
export { loadTrackerClassifier, type TrackerClassifier, type TrackerMatch } from './trackers.ts';
