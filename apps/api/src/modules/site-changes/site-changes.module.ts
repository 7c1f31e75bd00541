import { Module } from '@nestjs/common';
import { SiteChangesRepository } from './site-changes.repository';

/** The outbox of changes to what the public sees; content, settings and media all write to it. */
@Module({ providers: [SiteChangesRepository], exports: [SiteChangesRepository] })
export class SiteChangesModule {}
