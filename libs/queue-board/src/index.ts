export { QUEUE_BOARD_PATH } from './board-cookie.js';
export { QueueBoardModule } from './queue-board.module.js';
