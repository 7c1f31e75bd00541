import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A `limit`/`offset` query with its own page size bounds (a class per size: validation reads the class). */
export function pageQuery(maxLimit: number, defaultLimit: number) {
  class PageQuery {
    @ApiPropertyOptional({ type: Number, minimum: 1, maximum: maxLimit, default: defaultLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit: number = defaultLimit;

    @ApiPropertyOptional({ type: Number, minimum: 0, default: 0 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    @Max(1_000_000)
    offset: number = 0;
  }
  return PageQuery;
}

/** The admin's lists: up to 200 a page. */
export class PageQueryDto extends pageQuery(200, 50) {}
