import { Counter, Histogram } from 'prom-client';

export const publishedCounter = new Counter({
  name: 'newsfeed_events_published_total',
  help: 'Events acknowledged by Kafka, by contract topic',
  labelNames: ['topic'],
});

export const consumedCounter = new Counter({
  name: 'newsfeed_events_consumed_total',
  help: 'Events whose effect is durable and whose offset was committed',
  labelNames: ['topic', 'group'],
});

export const failedAttemptsCounter = new Counter({
  name: 'newsfeed_event_handler_failures_total',
  help: 'Handler attempts that threw (each retry counts)',
  labelNames: ['topic', 'group'],
});

export const deadLetteredCounter = new Counter({
  name: 'newsfeed_events_dead_lettered_total',
  help: 'Events sent to a dead-letter topic, by reason',
  labelNames: ['topic', 'group', 'reason'],
});

export const handlerDuration = new Histogram({
  name: 'newsfeed_event_handler_seconds',
  help: 'Time to make a batch of events durable',
  labelNames: ['topic', 'group'],
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
});
