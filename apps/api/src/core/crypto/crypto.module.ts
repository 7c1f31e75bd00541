import { Module } from '@nestjs/common';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PersonalDataCipher } from './personal-data-cipher';

/** The cipher of personal data, under PERSONAL_DATA_KEY, for every module that seals or looks up such data. */
@Module({
  providers: [
    {
      provide: PersonalDataCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PersonalDataCipher(config.personalDataKey),
    },
  ],
  exports: [PersonalDataCipher],
})
export class CryptoModule {}
