import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

/** A citizen's information request, as the flood and the bench's one real citizen send it. */
export const REQUEST_FORM = {
  name: 'Warga Uji Beban',
  address: 'Jl. Uji Beban No. 1, Bandar Lampung',
  email: 'warga.uji@contoh.id',
  information: 'Informasi yang diminta dalam uji beban formulir',
  purpose: 'Uji beban formulir permohonan informasi',
  delivery: 'email',
};

/** Answers to the survey of the bench OPD's one service, all nine elements. */
const SURVEY_ANSWERS = {
  service: 'layanan-1',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, (i % 4) + 1])),
};

/** What each flooded form sends, and the status it answers when the form is taken. */
const FORMS = [
  { path: 'ppid/requests', body: REQUEST_FORM, taken: 201 },
  { path: 'surveys/responses', body: SURVEY_ANSWERS, taken: 204 },
] as const;

const FLOODERS = 16;
/** The senders' niceness: 19 (the lowest priority) unless LAMAN_BENCH_FLOOD_NICE says (0: equal to the API). */
const SENDERS_NICE = Math.min(19, Math.max(0, Number(process.env['LAMAN_BENCH_FLOOD_NICE'] ?? 19) || 0));

export type Counts = Array<{ taken: number; refused: number }>;

/**
 * Sends forms from ever new addresses until `until`, half the flooders on each form: how many of each were
 * taken and how many refused.
 */
async function flood(api: string, slug: string, until: number): Promise<Counts> {
  const counts: Counts = FORMS.map(() => ({ taken: 0, refused: 0 }));
  let client = 0;
  await Promise.all(
    Array.from({ length: FLOODERS }, async (_, flooder) => {
      const which = flooder % FORMS.length;
      const { path, body, taken } = FORMS[which]!;
      while (Date.now() < until) {
        client++;
        const answer = await fetch(`${api}/api/v1/public/${slug}/${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
          },
          body: JSON.stringify(body),
        });
        await answer.arrayBuffer();
        if (answer.status === taken) counts[which]!.taken++;
        else counts[which]!.refused++;
      }
    }),
  );
  return counts;
}

/**
 * The flood from a process of its own at the lowest CPU priority (nice 19): the senders stand for machines
 * elsewhere on the internet, so on this machine they take only the cycles the API and PostgreSQL leave idle,
 * instead of competing with them as equals.
 */
export function floodFromElsewhere(api: string, slug: string, until: number): Promise<Counts> {
  const child = spawn(process.execPath, [__filename], {
    env: { ...process.env, FLOOD_API: api, FLOOD_SLUG: slug, FLOOD_UNTIL: String(until) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  setPriority(child.pid!, SENDERS_NICE);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as Counts) : reject(new Error(`flood senders exited ${code}`)),
    ),
  );
}

if (require.main === module) {
  const { FLOOD_API, FLOOD_SLUG, FLOOD_UNTIL } = process.env;
  flood(FLOOD_API!, FLOOD_SLUG!, Number(FLOOD_UNTIL)).then(
    (counts) => {
      process.stdout.write(JSON.stringify(counts));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
