// Public API of the robot files: the project's MJCF models of Gymnasium's MuJoCo robots, embedded for the browser.
export { ROBOT_FILES, type RobotFileName } from './robot-files.generated.js';
export { ROBOT_NAMES, ROBOT_FOR_ENV, robotXml, loadRobot } from './robot-models.js';
