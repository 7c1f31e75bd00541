import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runMigrations } from '../core/database/data-source';
import { buildOpenApiDocument, createApp } from '../create-app';
import { runCommand } from './local-runtime';

export const OPENAPI_FILE = path.resolve(__dirname, '../../openapi.json');

/** `pnpm openapi`: writes the OpenAPI document generated from the code to apps/api/openapi.json. */
runCommand(
  async (config) => {
    await runMigrations(config.database.ownerUrl);
    const app = await createApp(config);
    writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
    await app.close();
    console.log(`Wrote ${OPENAPI_FILE}`);
  },
  { ...process.env, LOG_LEVEL: 'silent' },
);
