import { Body, Controller, Delete, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { PlatformEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { UuidParam } from '../../core/http/uuid-param';
import { AddSpamTermDto, SpamLexiconDto, SpamTermDto } from './spam-terms.dto';
import { SpamTermsService } from './spam-terms.service';

@ApiTags('Platform: penyaring spam')
@Controller('admin/spam-terms')
export class SpamTermsController {
  constructor(@Inject(SpamTermsService) private readonly terms: SpamTermsService) {}

  @Get()
  @PlatformEndpoint({
    summary: 'Daftar kata penyaring spam: bawaan Laman dan tambahan Diskominfotik',
    roles: ['platform_admin', 'monitor'],
  })
  @ApiOkResponse({ type: SpamLexiconDto })
  list(): Promise<SpamLexiconDto> {
    return this.terms.lexicon();
  }

  @Post()
  @PlatformEndpoint({
    summary: 'Tambah kata/frasa yang ditahan atau domain pemendek tautan (berlaku dalam hitungan detik)',
    roles: ['platform_admin'],
    errors: [400, 409],
  })
  @ApiCreatedResponse({ type: SpamTermDto })
  add(@Body() body: AddSpamTermDto, @CurrentPrincipal() actor: Principal): Promise<SpamTermDto> {
    return this.terms.add(body, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @PlatformEndpoint({ summary: 'Hapus kata tambahan', roles: ['platform_admin'], errors: [404] })
  @ApiNoContentResponse({ description: 'Dihapus' })
  remove(@UuidParam('id') id: string, @CurrentPrincipal() actor: Principal): Promise<void> {
    return this.terms.remove(id, actor);
  }
}
