import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { PublicEndpoint } from '../../core/access/endpoint.decorators';
import { Database } from '../../core/database/database.service';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ nullable: true, type: Number, example: 0.8 }) latencyMs: number | null;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ type: DatabaseHealthDto }) database: DatabaseHealthDto;
  @ApiProperty({ example: 12.5 }) uptimeSeconds: number;
}

@ApiTags('Sistem')
@Controller('health')
export class HealthController {
  constructor(@Inject(Database) private readonly db: Database) {}

  @Get()
  @PublicEndpoint({ summary: 'Kesehatan layanan dan basis data' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Basis data tidak terjangkau' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const latencyMs = await this.db.ping().catch(() => null);
    const up = latencyMs !== null;
    response.status(up ? 200 : 503);
    return {
      status: up ? 'ok' : 'degraded',
      database: { status: up ? 'up' : 'down', latencyMs },
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    };
  }
}
