import { describe, expect, it } from 'vitest';
import { isOutboxTopic, outboxTopicList, outboxTopics } from './outbox-topics.ts';

describe('outbox topics', () => {
  it('are the topics the worker relays, each once', () => {
    expect(outboxTopicList).toEqual([
      'melding.gemeld',
      'melding.status_changed',
      'melding.heropend',
      'job.retry',
      'melding.rerouted',
    ]);
    expect(new Set(outboxTopicList).size).toBe(outboxTopicList.length);
    expect(outboxTopics.heropend).toBe('melding.heropend');
  });

  it('recognises only its own topics', () => {
    for (const t of outboxTopicList) expect(isOutboxTopic(t)).toBe(true);
    expect(isOutboxTopic('melding.verwijderd')).toBe(false);
    expect(isOutboxTopic(undefined)).toBe(false);
  });
});
