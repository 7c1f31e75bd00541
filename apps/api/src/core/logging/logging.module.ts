import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig } from '../config/app-config';
import { requestIdOf } from './request-id';

/**
 * A request's log level: faults are errors, a client's mistakes warnings; a refusal for too many requests (429)
 * is the limits working, logged as info, so a flood that is refused does not flood the warnings too.
 */
export function levelOf(status: number, error?: unknown): 'error' | 'warn' | 'info' {
  if (error || status >= 500) return 'error';
  return status >= 400 && status !== 429 ? 'warn' : 'info';
}

/** Structured JSON logs (pino); every request gets an id that is echoed as X-Request-Id and in error bodies. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (request, response) => requestIdOf(request, response),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            customLogLevel: (_request, response, error) => levelOf(response.statusCode, error),
          },
        }),
      ],
    };
  }
}
