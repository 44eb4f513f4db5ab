// The topics live in core (one list for SQL, api and worker); re-exported here beside the queues.
export {
  isOutboxTopic,
  type OutboxPayloads,
  type OutboxTopic,
  outboxTopicList,
  outboxTopics,
  type RetryPayload,
  type RosterPayload,
} from '@buurtsignaal/core/outbox-topics';
