import { type INestApplication } from '@nestjs/common';
import { SKM_PROFILE, SKM_PROFILE_FIELDS } from '@laman/shared';
import { Database } from '../core/database/database.service';
import { PublishedContentRepository } from '../modules/content/published-content.repository';
import { SurveyResponsesRepository } from '../modules/surveys/survey-responses.repository';

/** Respondents per published service: enough to show an index, fewer than the sample a year needs. */
const RESPONDENTS = 36;

/**
 * Survey answers for the demo OPD's published services, so `pnpm start` shows results on the sites' Survei pages:
 * mostly good (3–4), now and then poor, fixed by a seed so every run shows the same index.
 */
export async function seedDemoSurveys(app: INestApplication, tenantId: string): Promise<void> {
  const db = app.get(Database);
  const responses = new SurveyResponsesRepository();
  let seed = tenantId.charCodeAt(0);
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  await db.inTenant(tenantId, async (tx) => {
    for (const service of await new PublishedContentRepository().services(tx))
      for (let respondent = 0; respondent < RESPONDENTS; respondent++) {
        const pick = (field: (typeof SKM_PROFILE_FIELDS)[number]) => {
          const options = SKM_PROFILE[field].options;
          return options[Math.floor(next() * options.length)]!.value;
        };
        await responses.insert(tx, {
          serviceId: service.itemId,
          serviceTitle: service.title,
          answers: Array.from({ length: 9 }, () => (next() < 0.1 ? 2 : next() < 0.55 ? 3 : 4)),
          ageBand: pick('ageBand'),
          sex: pick('sex'),
          education: pick('education'),
          occupation: pick('occupation'),
          suggestion: null,
          duplicateKey: `demo:${service.itemId}:${respondent}`,
        });
      }
  });
}
