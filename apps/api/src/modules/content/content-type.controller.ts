import { Body, Controller, Get, Inject, Post, Put, Query, type Type } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform, Type as TransformType } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CurrentTenant } from '../../core/access/current.decorators';
import { TenantEndpoint } from '../../core/access/endpoint.decorators';
import { type TenantContext } from '../../core/access/principal';
import { trim } from '../../core/http/dto-fields';
import { UuidParam } from '../../core/http/uuid-param';
import { ContentService } from './content.service';
import { ContentItemDto, ContentListQueryDto, ContentPageDto } from './dto/content.dto';
import { type ContentTypeDefinition } from './types/content-type';
import { INT4_MAX } from '../../core/http/int-param';

function named<T extends Type<unknown>>(target: T, name: string): T {
  Object.defineProperty(target, 'name', { value: name });
  return target;
}

/**
 * Typed endpoints for one content type (list, create, read, save), with its own request schema in OpenAPI.
 * Workflow and revision endpoints are shared by all types (ContentItemsController).
 */
export function contentTypeController(definition: ContentTypeDefinition): Type<unknown> {
  const { name, label } = definition;
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);

  class CreateBody {
    @ApiProperty({ type: definition.fields })
    @IsDefined()
    @IsObject()
    @ValidateNested()
    @TransformType(() => definition.fields)
    fields: Record<string, unknown>;

    @ApiPropertyOptional({ maxLength: 300, description: 'Catatan revisi (apa yang diubah)' })
    @IsOptional()
    @Transform(trim)
    @IsString()
    @MaxLength(300)
    note?: string;
  }
  named(CreateBody, `Create${pascal}Dto`);

  class UpdateBody extends CreateBody {
    @ApiProperty({ example: 1, description: 'Versi yang Anda edit; versi usang ditolak dengan 409' })
    @IsInt()
    @Min(1)
    @Max(INT4_MAX)
    version: number;
  }
  named(UpdateBody, `Update${pascal}Dto`);

  @ApiTags(`Konten: ${label}`)
  @Controller(`tenants/:tenant/content/${name}`)
  class ContentTypeController {
    constructor(@Inject(ContentService) private readonly content: ContentService) {}

    @Get()
    @TenantEndpoint({
      summary: `Daftar ${label} (semua status)`,
      minRole: 'contributor',
      monitorMayRead: true,
    })
    @ApiOkResponse({ type: ContentPageDto })
    list(
      @CurrentTenant() tenant: TenantContext,
      @Query() query: ContentListQueryDto,
    ): Promise<ContentPageDto> {
      return this.content.list(tenant, { ...query, type: name });
    }

    @Post()
    @TenantEndpoint({
      summary: `Buat draf ${label}`,
      description: definition.description,
      minRole: 'contributor',
      errors: [409],
    })
    @ApiCreatedResponse({ type: ContentItemDto })
    create(@CurrentTenant() tenant: TenantContext, @Body() body: CreateBody): Promise<ContentItemDto> {
      return this.content.create(tenant, name, body.fields, body.note);
    }

    @Get(':id')
    @TenantEndpoint({
      summary: `Detail ${label} (salinan kerja)`,
      minRole: 'contributor',
      monitorMayRead: true,
    })
    @ApiOkResponse({ type: ContentItemDto })
    get(@CurrentTenant() tenant: TenantContext, @UuidParam('id') id: string): Promise<ContentItemDto> {
      return this.content.get(tenant, id, name);
    }

    @Put(':id')
    @TenantEndpoint({
      summary: `Simpan ${label} (membuat revisi baru)`,
      description: 'Versi yang tampil di situs tetap tampil sampai salinan kerja diterbitkan.',
      minRole: 'contributor',
      errors: [409],
    })
    @ApiOkResponse({ type: ContentItemDto })
    update(
      @CurrentTenant() tenant: TenantContext,
      @UuidParam('id') id: string,
      @Body() body: UpdateBody,
    ): Promise<ContentItemDto> {
      return this.content.update(tenant, name, id, body.version, body.fields, body.note);
    }
  }
  return named(ContentTypeController, `${pascal}ContentController`);
}
