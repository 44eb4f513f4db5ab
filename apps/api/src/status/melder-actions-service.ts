import { randomUUID } from 'node:crypto';
import { checkTransition, outboxTopics } from '@buurtsignaal/core';
import type { DatabaseClient, DbOrTx } from '@buurtsignaal/db';
import { insertMelderFeedback } from '@buurtsignaal/db/tables/melder-feedback-repository';
import {
  appendMelderStatusChange,
  lockMeldingByStatusToken,
  type MelderMeldingState,
  markCoordinatorAttention,
} from '@buurtsignaal/db/tables/meldingen-repository';
import { findLastStatusEventTo } from '@buurtsignaal/db/tables/status-events-repository';
import type { MelderConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import { sha256Hex } from '../intake/photos.ts';
import { statusTexts, melderActionTexts as texts } from '../texts/index.ts';
import { isFeedbackWindowOpen, isQuestionOpen, MELDER_MAX_REOPENS } from './melder-windows.ts';
import { isStatusToken } from './status-service.ts';

export interface MelderFeedbackInput {
  solved: boolean;
  /** Required (non-empty after trimming) when not solved. */
  explanation?: string | undefined;
}

/** What the feedback did, for the caller's log and tests. */
export type FeedbackOutcome = 'recorded' | 'reopened' | 'coordinator';

export interface MelderActionsService {
  /** The melder's answer to the open question: reactie_gevraagd → in_behandeling. */
  answer(token: string, answer: string): Promise<void>;
  /** "Is uw melding opgelost?" for the current closing. */
  feedback(token: string, input: MelderFeedbackInput): Promise<FeedbackOutcome>;
}

export interface MelderActionsDeps {
  database: DatabaseClient;
  config: MelderConfig;
  now: () => Date;
  /** Called after a commit that wrote an outbox row (wakes the relays). Must not throw. */
  onOutboxWritten: () => void;
}

const notFound = () => new ApiError(404, 'MELDING_NOT_FOUND', statusTexts.notFound);
const noOpenQuestion = (message: string = texts.noOpenQuestion) =>
  new ApiError(409, 'NO_OPEN_QUESTION', message);
const feedbackClosed = (message: string) => new ApiError(409, 'FEEDBACK_CLOSED', message);

/** A state the status machine refuses is a bug here, not the melder's doing: let it be a 500. */
function assertTransition(from: 'reactie_gevraagd' | 'afgehandeld', to: 'in_behandeling' | 'heropend') {
  const check = checkTransition(from, to, { publicMessage: 'melder' });
  if (!check.ok) throw new Error(`status machine refuses ${from} → ${to}: ${check.code}`);
}

export function createMelderActionsService(deps: MelderActionsDeps): MelderActionsService {
  const { database, config, now, onOutboxWritten } = deps;

  /** Runs `work` with the token's melding locked; a malformed or unknown token is a 404. */
  async function withLockedMelding<T>(
    token: string,
    work: (tx: DbOrTx, melding: MelderMeldingState, at: Date) => Promise<T>,
  ): Promise<T> {
    if (!isStatusToken(token)) throw notFound();
    const hash = sha256Hex(token);
    return database.db.transaction(async (tx) => {
      const melding = await lockMeldingByStatusToken(tx, hash);
      if (!melding) throw notFound();
      return work(tx, melding, now());
    });
  }

  return {
    async answer(token, answer) {
      await withLockedMelding(token, async (tx, melding, at) => {
        if (melding.status !== 'reactie_gevraagd') throw noOpenQuestion();
        const question = await findLastStatusEventTo(tx, melding.id, 'reactie_gevraagd');
        if (!question) throw noOpenQuestion();
        if (!isQuestionOpen(question.createdAt, config, at)) {
          throw noOpenQuestion(texts.questionExpired(config.answerDays));
        }
        assertTransition('reactie_gevraagd', 'in_behandeling');
        await appendMelderStatusChange(tx, {
          meldingId: melding.id,
          fromStatus: 'reactie_gevraagd',
          toStatus: 'in_behandeling',
          publicMessage: answer,
          topic: outboxTopics.statusChanged,
          at,
        });
      });
      onOutboxWritten();
    },

    async feedback(token, { solved, explanation }) {
      const trimmed = explanation?.trim() ?? '';
      if (!solved && trimmed === '') {
        throw new ApiError(400, 'VALIDATION_ERROR', texts.explanationRequired, [
          { field: 'explanation', message: texts.explanationRequired },
        ]);
      }
      const outcome = await withLockedMelding(token, async (tx, melding, at): Promise<FeedbackOutcome> => {
        if (melding.status !== 'afgehandeld') throw feedbackClosed(texts.feedbackNotClosed);
        const closing = await findLastStatusEventTo(tx, melding.id, 'afgehandeld');
        if (!closing) throw feedbackClosed(texts.feedbackNotClosed);
        if (!isFeedbackWindowOpen(closing.createdAt, config, at)) {
          throw feedbackClosed(texts.feedbackExpired(config.feedbackDays));
        }
        const recorded = await insertMelderFeedback(tx, {
          id: randomUUID(),
          meldingId: melding.id,
          closingEventId: closing.id,
          solved,
          explanation: trimmed === '' ? null : trimmed,
          at,
        });
        if (!recorded) throw feedbackClosed(texts.feedbackAlreadyGiven);
        if (solved) return 'recorded';
        if (melding.reopenCount >= MELDER_MAX_REOPENS) {
          await markCoordinatorAttention(tx, melding.id, at);
          return 'coordinator';
        }
        assertTransition('afgehandeld', 'heropend');
        await appendMelderStatusChange(tx, {
          meldingId: melding.id,
          fromStatus: 'afgehandeld',
          toStatus: 'heropend',
          publicMessage: trimmed,
          topic: outboxTopics.heropend,
          reopen: true,
          at,
        });
        return 'reopened';
      });
      if (outcome === 'reopened') onOutboxWritten();
      return outcome;
    },
  };
}
