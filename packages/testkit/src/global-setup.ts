import { ensureTemplate } from './postgres.ts';

/** Runs once per `vitest run`: migrates the template database that every test file copies. */
export default async function setup(): Promise<void> {
  await ensureTemplate();
}
