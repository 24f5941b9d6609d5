import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Every queue of the deployment, as BullMQ Queue objects, for those who look after all of them. */
export const DEPLOYMENT_QUEUES = Symbol('DEPLOYMENT_QUEUES');

const logger = new Logger('DeploymentQueues');

/**
 * The api's handle on every queue, without processors (the api adds no consumer): the queue
 * board shows them, a sandbox reset clears their history. Registered once, so there is one
 * connection per queue however many features use it.
 */
@Global()
@Module({})
export class DeploymentQueuesModule {
  static forRoot(names: readonly string[]): DynamicModule {
    return {
      module: DeploymentQueuesModule,
      imports: [BullModule.registerQueue(...names.map((name) => ({ name })))],
      providers: [
        {
          provide: DEPLOYMENT_QUEUES,
          inject: names.map((name) => getQueueToken(name)),
          // Without a listener BullMQ prints every failed connection attempt with console.error;
          // readiness is what reports Redis down.
          useFactory: (...queues: Queue[]) =>
            queues.map((queue) => queue.on('error', (error) => logger.debug({ err: error }, `${queue.name} queue connection error`))),
        },
      ],
      exports: [DEPLOYMENT_QUEUES],
    };
  }
}
