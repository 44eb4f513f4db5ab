import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Db } from '@buurtsignaal/db';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp, type TestAppOptions } from './helpers.ts';

/** The file's own database (as a TestDatabase, plus its `db`); readable once the file's beforeAll has run. */
export interface TestDatabaseHandle extends Omit<TestDatabase, 'drop'> {
  readonly db: Db;
}

/** The file's own database and the app on it. */
export interface TestAppHandle {
  readonly database: TestDatabaseHandle;
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly config: TestApp['config'];
  readonly photosDir: string;
}

function later<T>(what: string): { set(value: T): void; get(): T; peek(): T | undefined } {
  let held: T | undefined;
  return {
    set(value) {
      held = value;
    },
    peek: () => held,
    get() {
      if (held === undefined) throw new Error(`${what} is only there once beforeAll has run`);
      return held;
    },
  };
}

/** Registers beforeAll/afterAll that give this test file a fresh database and drop it afterwards. */
export function useTestDatabase(): TestDatabaseHandle {
  const database = later<TestDatabase>('the test database');
  beforeAll(async () => {
    database.set(await createTestDatabase());
  });
  afterAll(async () => {
    await database.peek()?.drop();
  });
  return {
    get url() {
      return database.get().url;
    },
    get name() {
      return database.get().name;
    },
    get client() {
      return database.get().client;
    },
    get db() {
      return database.get().client.db;
    },
  };
}

/**
 * Registers beforeAll/afterAll that give this test file a fresh database and an app on it (built with
 * `options`, or with what `options()` returns once the database is there), closed and dropped afterwards.
 * Register it before any beforeAll that uses the handle: hooks run in the order they are registered.
 */
export function useTestApp(options: TestAppOptions | (() => TestAppOptions) = {}): TestAppHandle {
  const data = useTestDatabase();
  const app = later<TestApp>('the test app');
  beforeAll(async () => {
    app.set(await buildTestApp(data.client, typeof options === 'function' ? options() : options));
  });
  // Registered after the database's afterAll, so it runs first (afterAll hooks run in reverse order).
  afterAll(async () => {
    await app.peek()?.close();
  });
  return {
    database: data,
    get db() {
      return data.db;
    },
    get app() {
      return app.get().app;
    },
    get config() {
      return app.get().config;
    },
    get photosDir() {
      return app.get().photosDir;
    },
  };
}

/** A writable stream that keeps every line written to it (a logger's output, for assertions). */
export function captureLines(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

/**
 * A built web app as the API serves it (an index.html and one asset), in a temporary directory made
 * now, written in beforeAll (register this first) and removed in afterAll; returns the directory.
 */
export function useFakeWebDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'bs-dist-'));
  beforeAll(() => {
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html lang="nl"><title>Buurtsignaal</title></html>',
    );
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  });
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });
  return dist;
}
