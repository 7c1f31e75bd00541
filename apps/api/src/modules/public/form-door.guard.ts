import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Request } from 'express';
import { type FormLimits, PublicFormGuard } from '../../core/abuse/public-form-guard';
import { PublicService } from './public.service';

const FORM_DOOR = 'laman:form-door';

/** The citizens' form a route takes, by its limits: its door (`FormDoorGuard`) refuses a known flood first. */
export const FormDoor = (limits: FormLimits) => SetMetadata(FORM_DOOR, limits);

/**
 * The first thing a citizens' form route runs (before the per-address limit, which writes a count for every new
 * address): a bot's form, or one to an OPD this process already knows is over the form's limit, is refused here
 * from memory — a flood that is already refused costs no database work and no reading of the form. Everything
 * else goes on to the route, which applies every limit and rule itself.
 */
@Injectable()
export class FormDoorGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PublicService) private readonly publicApi: PublicService,
    @Inject(PublicFormGuard) private readonly door: PublicFormGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limits = this.reflector.get<FormLimits | undefined>(FORM_DOOR, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    const slug = request.params['tenant'];
    if (!limits || typeof slug !== 'string') return true;
    const tenant = await this.publicApi.activeTenant(slug).catch(() => null);
    if (!tenant) return true;
    const body: unknown = request.body;
    const form = typeof body === 'object' && body !== null ? body : {};
    this.door.refuseEarly(form, limits, request.ip ?? 'unknown', tenant.id);
    return true;
  }
}
