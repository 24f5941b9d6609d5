export { QUEUE_BOARD_PATH } from './board-cookie.js';
export { QueueBoardModule, type QueueBoardOptions } from './queue-board.module.js';
