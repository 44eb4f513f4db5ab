import { randomBytes, randomUUID } from 'node:crypto';
import {
  findWijk,
  h3Cells,
  type Intake,
  type IntakeResponse,
  isInsideMunicipality,
  occursInFuture,
  toPickupNotice,
} from '@buurtsignaal/core';
import type { DatabaseClient, SecretBox } from '@buurtsignaal/db';
import type { ConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { findMelderPickup } from '@buurtsignaal/db/queries/melder/pickup';
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
} from '@buurtsignaal/db/tables/idempotency-keys-repository';
import {
  type InsertedMelding,
  insertMelding,
  type NewAttachment,
  type NewMelder,
} from '@buurtsignaal/db/tables/meldingen-intake';
import type { ApiConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import { type PhotoStore, photoKey } from '../photos/photo-store.ts';
import { intakeTexts } from '../texts/index.ts';
import { insertFailure, notStored } from './intake-failures.ts';
import { inspectPhoto, type ProcessedPhoto, reencodePhoto, sha256Hex } from './photos.ts';
import { intakeRequestHash } from './request-hash.ts';

/** An in_flight key older than this belongs to a request that died; a retry may take it over. */
export const IDEMPOTENCY_STALE_MS = 5 * 60_000;

export interface IntakeServiceDeps {
  config: Pick<ApiConfig, 'publicBaseUrl' | 'referencePrefix' | 'maxPhotoPixels'>;
  database: DatabaseClient;
  photoStore: PhotoStore;
  now: () => Date;
  /** Seals the status token for the worker's e-mails and for idempotent replays. */
  secretBox: SecretBox;
  /** Called after a melding committed, e.g. to wake an in-process outbox relay at once. */
  onMeldingStored?: ((event: { meldingId: string; statusEventId: number }) => void) | undefined;
  /** Teams, rosters and rules from memory for the pickup sentence (config-cache.ts). */
  configCache?: ConfigCache | undefined;
}

export interface IntakeSubmission {
  intake: Intake;
  /** Raw uploaded bytes, in upload order. */
  photos: readonly Buffer[];
  idempotencyKey?: string | undefined;
}

/** What the idempotency row keeps of a 201: the token sealed, never in the clear. */
interface StoredIntakeResponse {
  id: string;
  reference: string;
  status: IntakeResponse['status'];
  statusTokenSealed: string;
}

export interface IntakeResult {
  statusCode: number;
  body: IntakeResponse;
  replayed: boolean;
}

export interface IntakeService {
  submit(submission: IntakeSubmission): Promise<IntakeResult>;
}

const amsterdamYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' });

/** Checks that need the domain and the clock, not just the shape of the input. */
function assertPlausible(intake: Intake, now: Date): void {
  const { lat, lng } = intake.location;
  if (!isInsideMunicipality(lat, lng)) {
    throw new ApiError(422, 'OUTSIDE_MUNICIPALITY', intakeTexts.outsideMunicipality, [
      { field: 'location', message: intakeTexts.outsideMunicipality },
    ]);
  }
  if (occursInFuture(intake, now)) {
    throw new ApiError(422, 'OCCURRED_IN_FUTURE', intakeTexts.occurredInFuture, [
      { field: 'occurredAt', message: intakeTexts.occurredInFuture },
    ]);
  }
}

const hasContactData = (intake: Intake): boolean =>
  intake.contact?.email !== undefined || intake.contact?.phone !== undefined;

export function createIntakeService(deps: IntakeServiceDeps): IntakeService {
  const { config, database, photoStore, now, secretBox, onMeldingStored } = deps;

  const replayContext = (meldingId: string) => `idempotency:${meldingId}`;
  const sealForReplay = (token: string, meldingId: string) => secretBox.seal(token, replayContext(meldingId));

  /**
   * Who will pick it up and when, for the confirmation page: the stored assignment once routing ran,
   * before that a preview of the same decision. Left out when it cannot be told (the page then says so).
   */
  async function withPickup(body: IntakeResponse): Promise<IntakeResponse> {
    try {
      const at = now();
      const view = await deps.configCache?.view(database.db);
      const pickup = await findMelderPickup(database.db, body.id, at, view);
      return pickup ? { ...body, pickup: toPickupNotice(pickup.expectation, at) } : body;
    } catch {
      // The melding is stored: a failed preview must not turn the 201 into an error.
      return body;
    }
  }

  function replayBody(stored: unknown): IntakeResponse {
    const { id, reference, status, statusTokenSealed } = stored as StoredIntakeResponse;
    const token = secretBox.open(statusTokenSealed, replayContext(id));
    // Only when STATUS_LINK_KEY changed between the request and its retry.
    if (token === null)
      throw new ApiError(409, 'IDEMPOTENCY_REPLAY_UNAVAILABLE', intakeTexts.replayUnavailable);
    return { id, reference, status, statusUrl: `${config.publicBaseUrl}/m/${token}` };
  }

  async function store(
    submission: IntakeSubmission,
    idempotencyKey: string | undefined,
  ): Promise<IntakeResult> {
    const { intake } = submission;
    const at = now();
    const meldingId = randomUUID();
    // Slow work first, outside any transaction: decode/re-encode and write the files.
    const processed: ProcessedPhoto[] = await Promise.all(
      submission.photos.map((bytes, i) => reencodePhoto(bytes, i, config.maxPhotoPixels)),
    );
    const attachments: NewAttachment[] = processed.map((p, position) => {
      const id = randomUUID();
      return {
        id,
        position,
        mime: p.mime,
        size: p.size,
        width: p.width,
        height: p.height,
        sha256: p.sha256,
        storageKey: photoKey(id, at),
      };
    });
    // 32 random bytes: the link is the melder's only credential, so it must not be guessable.
    const token = randomBytes(32).toString('base64url');
    const responseBody = {
      id: meldingId,
      status: 'gemeld' as const,
      statusUrl: `${config.publicBaseUrl}/m/${token}`,
    };
    const deletePhotos = () =>
      Promise.all(attachments.map((a) => photoStore.delete(a.storageKey).catch(() => {})));
    try {
      // allSettled: a write still running when another fails must finish before the sweep below.
      const writes = await Promise.allSettled(
        attachments.map((a, i) => photoStore.put(a.storageKey, (processed[i] as ProcessedPhoto).bytes)),
      );
      const failed = writes.find((w) => w.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (err) {
      // No photo without its melding.
      await deletePhotos();
      throw notStored(err);
    }

    const melder: NewMelder | undefined = hasContactData(intake)
      ? {
          id: randomUUID(),
          email: intake.contact?.email ?? null,
          phone: intake.contact?.phone ?? null,
          wantsFeedback: intake.contact?.wantsFeedback ?? false,
          statusTokenSealed: secretBox.seal(token, meldingId),
        }
      : undefined;
    const { lat, lng, accuracy, address, description: placeDescription } = intake.location;
    let inserted: InsertedMelding;
    try {
      inserted = await insertMelding(database.db, {
        melding: {
          id: meldingId,
          referencePrefix: config.referencePrefix,
          referenceYear: Number(amsterdamYear.format(at)),
          category: intake.category,
          subcategory: intake.subcategory ?? null,
          answers: intake.answers ?? {},
          description: intake.description,
          occurredAt: intake.occurredAt ?? null,
          lat,
          lng,
          accuracy: accuracy ?? null,
          addressText: address ?? null,
          locationDescription: placeDescription ?? null,
          wijkCode: findWijk(lat, lng)?.code ?? null,
          h3: h3Cells(lat, lng),
          statusTokenHash: sha256Hex(token),
          createdAt: at,
        },
        melder,
        attachments,
        // The stored response must not hold the token in the clear (only its hash is kept): seal it.
        idempotency: idempotencyKey
          ? {
              key: idempotencyKey,
              responseStatus: 201,
              responseBody: {
                id: meldingId,
                status: 'gemeld',
                statusTokenSealed: sealForReplay(token, meldingId),
              },
            }
          : undefined,
      });
    } catch (err) {
      const { error, stored } = insertFailure(err, idempotencyKey !== undefined);
      // Not committed: the files go too. Perhaps committed: they stay with their rows; if the melding
      // was not stored after all, the orphan sweep removes them.
      if (stored === 'no') await deletePhotos();
      throw error;
    }
    try {
      onMeldingStored?.({ meldingId, statusEventId: inserted.statusEventId });
    } catch {
      // A wake-up is an optimisation: the outbox row is committed and the relay's sweep finds it.
    }
    const body = await withPickup({ ...responseBody, reference: inserted.reference });
    return { statusCode: 201, body, replayed: false };
  }

  return {
    async submit(submission) {
      assertPlausible(submission.intake, now());
      await Promise.all(submission.photos.map((bytes, i) => inspectPhoto(bytes, i, config.maxPhotoPixels)));
      if (submission.idempotencyKey === undefined) return store(submission, undefined);

      const key = `intake:${submission.idempotencyKey}`;
      const requestHash = intakeRequestHash(submission.intake, submission.photos.map(sha256Hex));
      // A failure here is answered without a word on the melding: an earlier request with this key
      // may have stored it (the error handler makes a lost database a 503).
      const claim = await claimIdempotencyKey(database.db, key, requestHash, IDEMPOTENCY_STALE_MS);
      if (!claim.claimed) {
        const { existing } = claim;
        if (existing.requestHash !== requestHash) {
          throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', intakeTexts.idempotencyKeyReused);
        }
        if (existing.state !== 'done' || existing.responseStatus === null) {
          throw new ApiError(409, 'IDEMPOTENCY_IN_FLIGHT', intakeTexts.idempotencyInFlight);
        }
        return {
          statusCode: existing.responseStatus,
          body: await withPickup(replayBody(existing.responseBody)),
          replayed: true,
        };
      }
      try {
        return await store(submission, key);
      } catch (err) {
        // The request did not complete: free the key so that the client can retry with it. Safe when
        // the outcome is unknown too: a committed melding made the key 'done', which release leaves;
        // an insert still running on the server stores nothing once its key is gone.
        await releaseIdempotencyKey(database.db, key, requestHash).catch(() => {});
        throw err;
      }
    },
  };
}
