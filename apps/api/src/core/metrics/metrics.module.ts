import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** The API process's metrics registry, which any module may add its own metrics to. */
@Global()
@Module({
  providers: [{ provide: Metrics, useFactory: () => new Metrics('api') }],
  exports: [Metrics],
})
export class MetricsModule {}
