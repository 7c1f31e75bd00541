import {
  FORM_GUARD_FIELDS,
  formatTanggal,
  SKM_ELEMENTS,
  SKM_PROFILE,
  SKM_PROFILE_FIELDS,
  type SkmPeriod,
  html,
  type SafeHtml,
} from '@laman/shared';
import { type FieldError } from '../../core/errors/domain-error';
import { honeypot, layout, type SiteSection, type SitePage } from '../../core/http/site-page';
import { type SampledResult, type SurveyResults } from './survey-results';

// The satisfaction survey's pages of an OPD site (`/survei/…`), in the shell of core/http/site-page.ts: the form
// sent back with what to fix, and the results, always current. The service pages carry the same form, built by
// the site from the same definitions (@laman/shared survey.ts).

const SURVEY: SiteSection = { label: 'Survei kepuasan', path: 'survei/' };
const formatted = (value: number | null, digits = 2) =>
  value === null
    ? '–'
    : value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function surveyPage(opdName: string, title: string, main: SafeHtml, status = 200): SitePage {
  return layout(opdName, title, 1, main, status, SURVEY);
}

function answerGroup(element: (typeof SKM_ELEMENTS)[number], value: string, error?: string): SafeHtml {
  const errorId = `f-${element.name}-error`;
  return html`<fieldset${error ? html` aria-describedby="${errorId}"` : ''}>
    <legend>${element.question}</legend>
    ${element.scale.map(
      (label, i) =>
        html`<label
          ><input
            type="radio"
            name="${element.name}"
            value="${i + 1}"
            required${value === String(i + 1) ? html` checked` : ''}
          />
          ${label}</label
        >`,
    )}
    ${error ? html`<p class="error" id="${errorId}">${error}</p>` : ''}
  </fieldset>`;
}

function profileSelect(field: (typeof SKM_PROFILE_FIELDS)[number], value: string): SafeHtml {
  const { label, options } = SKM_PROFILE[field];
  return html`<label for="f-${field}">${label} (pilihan)</label>
    <select id="f-${field}" name="${field}">
      <option value="">— tidak diisi —</option>
      ${options.map(
        (option) =>
          html`<option value="${option.value}" ${value === option.value ? html` selected` : ''}>
            ${option.label}
          </option>`,
      )}
    </select>`;
}

/** The survey of one service, again with what the respondent chose and, by each question, what to fix. */
export function surveyFormPage(
  opdName: string,
  service: { slug: string; title: string },
  values: Record<string, string>,
  errors: FieldError[],
  problem: string | null,
  status: number,
): SitePage {
  const errorOf = (name: string) => errors.find((error) => error.field === name)?.message;
  return surveyPage(
    opdName,
    'Survei kepuasan',
    html`<h1>Survei kepuasan: ${service.title}</h1>
      ${
        problem
          ? html`<div class="alert" role="alert">
              <p>${problem}</p>
              ${
                errors.length
                  ? html`<ul>
                      ${errors.map((error) => html`<li>${error.message}</li>`)}
                    </ul>`
                  : ''
              }
            </div>`
          : html`<p>Jawaban Anda tanpa nama. Pilih satu jawaban untuk tiap pertanyaan.</p>`
      }
      <form method="post" action="isi" data-proof="tantangan">
        ${honeypot()}
        <input type="hidden" name="service" value="${service.slug}" />
        <input type="hidden" name="${FORM_GUARD_FIELDS.proof}" value="" />
        ${SKM_ELEMENTS.map((element) => answerGroup(element, values[element.name] ?? '', errorOf(element.name)))}
        <h2>Tentang Anda</h2>
        ${SKM_PROFILE_FIELDS.map((field) => profileSelect(field, values[field] ?? ''))}
        <label for="f-suggestion">Saran dan masukan (pilihan)</label>
        <textarea
          id="f-suggestion"
          name="suggestion"
          maxlength="1000"
          ${errorOf('suggestion') ? html` aria-invalid="true" aria-describedby="f-suggestion-error"` : ''}
        >
${values['suggestion'] ?? ''}</textarea>
        ${errorOf('suggestion') ? html`<p class="error" id="f-suggestion-error">${errorOf('suggestion')}</p>` : ''}
        <button type="submit">Kirim jawaban</button>
        <p class="hint" data-proof-status aria-live="polite"></p>
      </form>
      <script type="module" src="../form-proof.js"></script>`,
    status,
  );
}

function resultSummary(result: SampledResult): SafeHtml {
  return html`<p>
    ${
      result.index === null
        ? 'Belum ada responden.'
        : html`Indeks <strong>${formatted(result.index)}</strong>, mutu
            <strong>${result.grade!.grade} (${result.grade!.label})</strong>.`
    }
    ${result.respondents} responden dari minimal
    ${result.minimumRespondents}${result.enough ? '.' : ': belum mencukupi.'}
  </p>`;
}

function elementTable(result: SampledResult): SafeHtml {
  return html`<table>
    <caption>
      Nilai rata-rata per unsur (1–4)
    </caption>
    <tbody>
      ${SKM_ELEMENTS.map(
        (element, i) =>
          html`<tr>
            <th scope="row">${element.name.toUpperCase()} ${element.label}</th>
            <td>${formatted(result.elements[i] ?? null)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** One service's own result, first on the page when the respondent came from its page. */
function focusedService(service: SurveyResults['services'][number]): SafeHtml {
  return html`<section aria-labelledby="layanan-ini">
    <h2 id="layanan-ini">${service.title}</h2>
    ${resultSummary(service)} ${elementTable(service)}
  </section>`;
}

/**
 * The OPD's survey results for a period: the OPD as a whole, its elements, and each service; with `focus` (a
 * service's slug, from its page), that service's own result first.
 */
export function resultsPage(
  opdName: string,
  results: SurveyResults,
  periods: SkmPeriod[],
  justSent: boolean,
  focus: string | null = null,
): SitePage {
  const focused = results.services.find((service) => focus !== null && service.slug === focus);
  return surveyPage(
    opdName,
    'Survei kepuasan masyarakat',
    html`<h1>Survei kepuasan masyarakat</h1>
      ${justSent ? html`<p class="ok" role="status">Terima kasih, jawaban Anda sudah tercatat.</p>` : ''}
      <form method="get" action="./">
        ${focused ? html`<input type="hidden" name="layanan" value="${focused.slug}" />` : ''}
        <label for="f-periode">Periode</label>
        <select id="f-periode" name="periode">
          ${periods.map(
            (period) =>
              html`<option value="${period.key}" ${period.key === results.period ? html` selected` : ''}>
                ${period.label}
              </option>`,
          )}
        </select>
        <button type="submit">Tampilkan</button>
      </form>
      ${focused ? focusedService(focused) : ''}
      <h2>${opdName}: ${results.periodLabel}</h2>
      <p class="hint">
        Dihitung sampai ${formatTanggal(results.asOf)}, sesuai Permenpan RB Nomor 14 Tahun 2017.
      </p>
      ${resultSummary(results.opd)} ${elementTable(results.opd)}
      <h2>Per layanan</h2>
      ${
        results.services.length
          ? html`<ul class="steps">
              ${results.services.map(
                (service) =>
                  html`<li>
                    <strong
                      >${
                        service.slug
                          ? html`<a href="../layanan/${service.slug}/">${service.title}</a>`
                          : service.title
                      }</strong
                    >
                    ${resultSummary(service)}
                  </li>`,
              )}
            </ul>`
          : html`<p>OPD ini belum menerbitkan layanan.</p>`
      }`,
  );
}
