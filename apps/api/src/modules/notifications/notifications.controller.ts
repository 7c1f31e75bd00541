import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../core/access/current.decorators';
import { AuthenticatedEndpoint } from '../../core/access/endpoint.decorators';
import { type Principal } from '../../core/access/principal';
import { NotificationsDto, toNotificationDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('Pemberitahuan')
@Controller('me/notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get()
  @AuthenticatedEndpoint({
    summary: 'Pemberitahuan untuk saya: tulisan terbit, dikembalikan, menunggu review',
  })
  @ApiOkResponse({ type: NotificationsDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<NotificationsDto> {
    const { unread, items } = await this.notifications.list(principal.userId);
    return { unread, items: items.map(toNotificationDto) };
  }

  @Post('read')
  @HttpCode(204)
  @AuthenticatedEndpoint({ summary: 'Tandai semua pemberitahuan saya sudah dibaca' })
  @ApiNoContentResponse({ description: 'Ditandai' })
  markRead(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.notifications.markRead(principal.userId);
  }
}
