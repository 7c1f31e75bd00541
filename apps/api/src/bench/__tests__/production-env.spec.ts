import { ConfigError, loadConfig, loadWorkerConfig } from '../../core/config/app-config';
import {
  BENCH_SECRETS,
  productionApiEnv,
  productionWorkerEnv,
  sitesInObjectStorage,
} from '../production-env';

const database = {
  appUrl: 'postgresql://laman_app:app@127.0.0.1:5432/laman_bench',
  ownerUrl: 'postgresql://laman_owner:owner@127.0.0.1:5432/laman_bench',
};
const s3 = { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'bench', S3_SECRET_ACCESS_KEY: 'bench' };

/**
 * The benches start production processes an hour into a national run; a setting production newly requires must
 * fail here, in the unit tests, not there (the 3-million-item run once stopped at that point).
 */
describe('the environment benches start production processes with', () => {
  it('satisfies the production API configuration, with each bench’s additions', () => {
    const additions: Array<Record<string, string>> = [
      {},
      { PORT: '40000', SCHEDULER_INTERVAL_SECONDS: '15', LAMAN_SITES_DIR: '/tmp/sites' },
      { LAMAN_MEDIA_DIR: '/tmp/media', MEDIA_TENANT_QUOTA_MB: '100000' },
      { MIGRATE_ON_START: 'false', LAMAN_MEDIA_DIR: '/tmp/media', LAMAN_SITES_DIR: '/tmp/sites' },
      { LOG_LEVEL: 'error' },
    ];
    for (const extra of additions) {
      const config = loadConfig(productionApiEnv(database, extra));
      expect(config.env).toBe('production');
    }
  });

  it('satisfies the production worker configuration, on disk and in object storage', () => {
    for (const extra of [{}, sitesInObjectStorage(s3)]) {
      const env = productionWorkerEnv(database, 'http://127.0.0.1:3000', '/tmp/sites', extra);
      expect(loadWorkerConfig(env).env).toBe('production');
    }
  });

  it('would fail without the secrets production requires', () => {
    const { JWT_SECRET: _jwt, PERSONAL_DATA_KEY: _key, ...withoutSecrets } = productionApiEnv(database);
    expect(Object.keys(BENCH_SECRETS)).toEqual(['JWT_SECRET', 'PERSONAL_DATA_KEY']);
    expect(() =>
      loadConfig({ ...withoutSecrets, JWT_SECRET: undefined, PERSONAL_DATA_KEY: undefined }),
    ).toThrow(ConfigError);
  });
});
