import { type DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './core/database/data-source';
import { ENTITIES } from './entities';

/** A data source with every module's entities (commands, the worker, benches and tests use this one). */
export function createAppDataSource(options: Omit<DataSourceOptions, 'entities'>): DataSource {
  return createDataSource({ ...options, entities: ENTITIES });
}
