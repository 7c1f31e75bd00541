import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { urlencoded } from 'express';
import helmet from 'helmet';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { type AppConfig } from './core/config/app-config';
import { DomainError } from './core/errors/domain-error';
import { HttpErrorFilter } from './core/errors/http-error.filter';
import { toFieldErrors } from './core/errors/validation-messages';
import { assignRequestId } from './core/logging/request-id';
import { routeNotFound } from './core/http/raw-error-response';
import { rejectHostileJson, rejectHostileUrl } from './core/http/hostile-input';
import { FORM_PAGES_PATH } from './core/http/form-page-error';
import { requireJsonBody } from './core/http/require-json';
import { httpMetrics } from './core/metrics/http-metrics';
import { Metrics } from './core/metrics/metrics';

export const API_PREFIX = 'api/v1';

/** Builds the whole API exactly as production runs it; tests and the demo launcher use the same function. */
export async function createApp(
  config: AppConfig,
  options: { shutdownHooks?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    // Start-up failures reach the caller (which stops the embedded database) instead of exiting the process.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Security headers for a JSON API. The default CSP would break the bundled Swagger UI page; JSON needs none.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  // Before the body parser, so even a malformed body gets a request id in its error response.
  // Someone opening the API's bare address (as the start banner's first URL invites) lands on its documentation.
  app.use(
    (
      request: { method: string; path: string },
      response: { redirect(status: number, url: string): void },
      next: () => void,
    ) => (request.method === 'GET' && request.path === '/' ? response.redirect(302, '/api/docs') : next()),
  );
  // A scrape with the metrics token reads them (the gateway never routes /metrics); every other request is timed
  // by route.
  const metrics = app.get(Metrics);
  app.use('/metrics', (request: IncomingMessage, response: ServerResponse, next: () => void) =>
    request.method === 'GET' ? void metrics.answer(request, response, config.metrics.token) : next(),
  );
  app.use(httpMetrics(metrics));
  app.use(assignRequestId);
  app.use(rejectHostileUrl);
  app.use(requireJsonBody);
  app.useBodyParser('json', { limit: '1mb' });
  // A citizen's form is a few kilobytes of text: a bound well above it, and a bound on the number of fields.
  app.use(FORM_PAGES_PATH, urlencoded({ extended: false, limit: '32kb', parameterLimit: 30 }));
  app.use(rejectHostileJson);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      // The target lets the Indonesian messages read each rule's limits; it never reaches the response.
      validationError: { target: true, value: false },
      exceptionFactory: (errors) =>
        new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', toFieldErrors(errors)),
    }),
  );
  app.useGlobalFilters(new HttpErrorFilter());
  // The demo launcher handles signals itself (it also stops the worker and the database).
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs.json',
    customSiteTitle: 'Laman API',
  });
  await app.init();
  // Registered after init, so it sits behind every route, Swagger's included.
  app.use(routeNotFound);
  return app;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Laman API')
    .setDescription(
      'API konten Laman: situs OPD Kota Bandar Lampung. Rute pengelolaan di /api/v1/tenants/{tenant}/…, ' +
        'rute platform di /api/v1/admin/…, autentikasi di /api/v1/auth/…. Semua galat memakai satu bentuk ' +
        '(statusCode, code, message, details, requestId).',
    )
    .setVersion('1')
    // Relative, so the committed document holds for every deployment (the API's own address serves it).
    .addServer('/', 'API ini')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Laman is the city's own software; the document says so and where to ask.
  document.info.license = {
    name: 'Hak cipta Pemerintah Kota Bandar Lampung',
    url: 'https://bandarlampungkota.go.id',
  };
  return document;
}
