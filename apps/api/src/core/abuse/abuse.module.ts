import { Module } from '@nestjs/common';
import { FormChallenges } from './form-challenges';
import { PublicFormGuard } from './public-form-guard';
import { PublicFormLimits } from './public-form-limits';

/** The guards of the citizens' public write forms, for every module that takes such a form. */
@Module({
  providers: [FormChallenges, PublicFormLimits, PublicFormGuard],
  exports: [FormChallenges, PublicFormLimits, PublicFormGuard],
})
export class AbuseModule {}
