import {
  formatTanggal,
  formatUkuran,
  PPID_DELIVERY_OPTIONS,
  PPID_REQUEST_FIELDS,
  type PpidFormField,
  html,
  type SafeHtml,
} from '@laman/shared';
import { type FieldError } from '../../core/errors/domain-error';
import { honeypot, layout, type SitePage } from '../../core/http/site-page';
import { wibDay } from '../../core/time/wib';
import { type AttachmentView } from './answer-attachments';
import { type RequestReceipt } from './information-requests.service';
import { OBJECTION_REASON_LABELS, OBJECTION_REASONS, type ObjectionView } from './objection';

// The PPID pages of an OPD site that cannot be static (the request form sent back with what to fix, the receipt,
// the status), in the shell of core/http/site-page.ts. No page shows personal data.

function fieldInput(field: PpidFormField, value: string, error: string | undefined): SafeHtml {
  const id = `f-${field.name}`;
  const described = [field.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || null;
  const common = html`id="${id}" name="${field.name}"
  maxlength="${field.maxLength}"${field.required ? html` required` : ''}${
    field.minLength ? html` minlength="${field.minLength}"` : ''
  }${field.autocomplete ? html` autocomplete="${field.autocomplete}"` : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${error ? html` aria-invalid="true"` : ''}`;
  return html`<label for="${id}">${field.label}${field.required ? '' : ' (pilihan)'}</label>
    ${field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : ''}
    ${
      field.kind === 'textarea'
        ? html`<textarea ${common}>${value}</textarea>`
        : html`<input type="${field.kind}" ${common} value="${value}" />`
    }
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}`;
}

/** The request form again, with the citizen's values and, by each field, what to fix. */
export function requestFormPage(
  opdName: string,
  values: Record<string, string>,
  errors: FieldError[],
  problem: string,
  status: number,
): SitePage {
  const errorOf = (name: string) => errors.find((error) => error.field === name)?.message;
  const delivery = values['delivery'] ?? '';
  return layout(
    opdName,
    'Permohonan informasi',
    1,
    html`<h1>Permohonan informasi publik</h1>
<div class="alert" role="alert"><p>${problem}</p>${
      errors.length
        ? html`<ul>
            ${errors.map((error) => html`<li>${error.message}</li>`)}
          </ul>`
        : ''
    }</div>
<form method="post" action="permohonan">
${honeypot()}
${PPID_REQUEST_FIELDS.map((field) => fieldInput(field, values[field.name] ?? '', errorOf(field.name)))}
<fieldset${errorOf('delivery') ? html` aria-describedby="f-delivery-error"` : ''}>
<legend>Cara menerima informasi</legend>
${PPID_DELIVERY_OPTIONS.map(
  (option) =>
    html`<label
      ><input
        type="radio"
        name="delivery"
        value="${option.value}"
        required${delivery === option.value ? html` checked` : ''}
      />
      ${option.label}</label
    >`,
)}
${errorOf('delivery') ? html`<p class="error" id="f-delivery-error">${errorOf('delivery')}</p>` : ''}
</fieldset>
<button type="submit">Kirim permohonan</button>
</form>`,
    status,
  );
}

/** The lookup form for one request: its code, and the contact it was made with. */
function lookupForm(code: string, problem: string | null): SafeHtml {
  return html`<form method="post" action="cek">
    ${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
    <label for="f-code">Nomor pendaftaran</label>
    <input id="f-code" name="code" value="${code}" required maxlength="20" autocomplete="off" />
    <label for="f-contact">Surel atau nomor telepon yang diisi saat memohon</label>
    <input id="f-contact" name="contact" required maxlength="254" autocomplete="email" />
    <button type="submit">Lihat status</button>
  </form>`;
}

/** A request's own address: right after sending, the receipt; later, where its status is asked for. */
export function trackPage(opdName: string, code: string, justSent: boolean): SitePage {
  return layout(
    opdName,
    `Permohonan ${code}`,
    2,
    html`<h1>Permohonan informasi</h1>
      ${
        justSent
          ? html`<div class="ok" role="status">
              <p>Permohonan Anda sudah kami terima. Nomor pendaftaran:</p>
              <p class="code">${code}</p>
              <p>
                Simpan nomor ini. Bersama surel atau telepon yang Anda isi, nomor ini membuka status
                permohonan di halaman ini.
              </p>
            </div>`
          : ''
      }
      <h2>Status permohonan</h2>
      ${lookupForm(code, null)}`,
  );
}

/** The status, to whoever gave the code and the contact; or the same form again with one answer for any mismatch. */
export function statusPage(
  opdName: string,
  receipt: RequestReceipt,
  contact: string,
  problem: string | null = null,
  status = 200,
  objecting: ObjectionAttempt | null = null,
): SitePage {
  return layout(
    opdName,
    `Status ${receipt.code}`,
    2,
    html`<h1>Status permohonan</h1>
      <dl>
        <dt>Nomor pendaftaran</dt>
        <dd>${receipt.code}</dd>
        <dt>Status</dt>
        <dd>${receipt.statusLabel}</dd>
        <dt>Diterima</dt>
        <dd>${formatTanggal(wibDay(receipt.receivedAt))}</dd>
        <dt>Batas jawaban</dt>
        <dd>${formatTanggal(receipt.dueOn)}</dd>
      </dl>
      ${receipt.steps.length ? stepList(receipt) : ''}
      ${receipt.status === 'clarification' ? replyForm(receipt.code, contact, problem) : ''}
      ${receipt.objection ? objectionSection(receipt.objection) : ''}
      ${
        receipt.objectionUntil
          ? objectionForm(receipt, contact, objecting)
          : objecting
            ? html`<p class="alert" role="alert">${objecting.problem}</p>`
            : ''
      }
      <p>
        PPID wajib menjawab paling lambat 10 hari kerja sejak permohonan diterima, dan dapat memperpanjangnya
        sekali paling lama 7 hari kerja dengan alasan tertulis.
      </p>`,
    status,
  );
}

/** The requester's answer to the PPID's request for clarification (the code and contact ride along). */
function replyForm(code: string, contact: string, problem: string | null): SafeHtml {
  return html`<form method="post" action="jelaskan">
    <h2>Kirim penjelasan</h2>
    ${problem ? html`<p class="error" role="alert" id="f-message-error">${problem}</p>` : ''}
    <input type="hidden" name="code" value="${code}" />
    <input type="hidden" name="contact" value="${contact}" />
    <label for="f-message">Penjelasan Anda untuk PPID</label>
    <textarea id="f-message" name="message" required minlength="10" maxlength="2000"></textarea>
    <button type="submit">Kirim penjelasan</button>
  </form>`;
}

/** An objection the requester tried to file, sent back with what to fix. */
export interface ObjectionAttempt {
  reasons: string[];
  statement: string;
  errors: FieldError[];
  /** What went wrong, in words the requester can act on. */
  problem: string;
}

/** The objection once filed: its reasons, the superior's clock, and after the answer the way to the Komisi Informasi. */
function objectionSection(objection: ObjectionView): SafeHtml {
  return html`<h2>Keberatan</h2>
    <dl>
      <dt>Alasan</dt>
      <dd>
        <ul>
          ${objection.reasonLabels.map((label) => html`<li>${label}</li>`)}
        </ul>
      </dd>
      <dt>Diajukan</dt>
      <dd>${formatTanggal(wibDay(objection.receivedAt))}</dd>
      <dt>Batas jawaban atasan PPID</dt>
      <dd>${formatTanggal(objection.dueOn)}</dd>
      ${
        objection.outcomeLabel
          ? html`<dt>Hasil</dt>
              <dd>${objection.outcomeLabel}</dd>`
          : ''
      }
    </dl>
    ${
      objection.disputeUntil
        ? html`<p>
            Bila Anda belum puas, Anda dapat mengajukan penyelesaian sengketa informasi kepada Komisi
            Informasi paling lambat ${formatTanggal(objection.disputeUntil)}.
          </p>`
        : html`<p>
            Atasan PPID wajib menjawab keberatan secara tertulis paling lambat 30 hari kerja sejak diterima.
            Bila tidak dijawab, Anda dapat mengajukan penyelesaian sengketa informasi kepada Komisi Informasi.
          </p>`
    }`;
}

/** The objection form (UU 14/2008 art. 35): the law's reasons as checkboxes, and the requester's account. */
function objectionForm(receipt: RequestReceipt, contact: string, attempt: ObjectionAttempt | null): SafeHtml {
  const errorOf = (field: string) => attempt?.errors.find((error) => error.field === field)?.message;
  const reasonsError = errorOf('reasons');
  const statementError = errorOf('statement');
  return html`<form method="post" action="keberatan">
    <h2>Ajukan keberatan</h2>
    <p>
      Tidak puas dengan tanggapan PPID? Ajukan keberatan kepada atasan PPID paling lambat
      ${formatTanggal(receipt.objectionUntil!)}.
    </p>
    ${attempt ? html`<p class="error" role="alert">${attempt.problem}</p>` : ''}
    <input type="hidden" name="code" value="${receipt.code}" />
    <input type="hidden" name="contact" value="${contact}" />
    <fieldset${reasonsError ? html` aria-describedby="f-reasons-error"` : ''}>
      <legend>Alasan keberatan (pilih paling tidak satu)</legend>
      ${OBJECTION_REASONS.map(
        (reason) =>
          html`<label
            ><input
              type="checkbox"
              name="reasons"
              value="${reason}"
              ${attempt?.reasons.includes(reason) ? html` checked` : ''}
            />
            ${OBJECTION_REASON_LABELS[reason]}</label
          >`,
      )}
      ${reasonsError ? html`<p class="error" id="f-reasons-error">${reasonsError}</p>` : ''}
    </fieldset>
    <label for="f-statement">Kasus posisi: apa yang terjadi dan apa yang Anda minta</label>
    <textarea id="f-statement" name="statement" required minlength="10" maxlength="2000"${
      statementError ? html` aria-invalid="true" aria-describedby="f-statement-error"` : ''
    }>${attempt?.statement ?? ''}</textarea>
    ${statementError ? html`<p class="error" id="f-statement-error">${statementError}</p>` : ''}
    <button type="submit">Ajukan keberatan</button>
  </form>`;
}

/**
 * The files the answer carries: addresses that work for an hour or two (the status page hands out fresh ones
 * each time it is opened with the code and contact).
 */
function attachmentList(files: AttachmentView[]): SafeHtml {
  return html`<p>Lampiran (unduh dalam dua jam; sesudahnya buka lagi halaman status ini):</p>
    <ul>
      ${files.map(
        (file) =>
          html`<li>
            <a href="${file.url}" download="${file.fileName}">${file.fileName}</a>
            (${formatUkuran(file.bytes)})
          </li>`,
      )}
    </ul>`;
}

/** What the PPID did so far, oldest first: each step's message, the exemption cited, a new due day. */
function stepList(receipt: RequestReceipt): SafeHtml {
  const steps = receipt.steps.map(
    (step) =>
      html`<li>
        <p><strong>${step.label}</strong> · ${formatTanggal(wibDay(step.at))}</p>
        <p class="message">${step.message}</p>
        ${step.exemption ? html`<p>Dasar pengecualian: ${step.exemption}</p>` : ''}
        ${
          step.dueOn
            ? html`<p>
                ${step.kind === 'objected' ? 'Batas jawaban atasan PPID' : 'Batas jawaban yang baru'}:
                ${formatTanggal(step.dueOn)}
              </p>`
            : ''
        }
        ${step.files.length ? attachmentList(step.files) : ''}
      </li>`,
  );
  return html`<h2>Tindak lanjut PPID</h2>
    <ol class="steps">
      ${steps}
    </ol>`;
}

export function lookupFailedPage(opdName: string, code: string, problem: string, status: number): SitePage {
  return layout(
    opdName,
    'Status permohonan',
    2,
    html`<h1>Status permohonan</h1>
      ${lookupForm(code, problem)}`,
    status,
  );
}

/** The site has no PPID page here (unknown or suspended OPD), or the limits were reached: a plain answer. */
export function problemPage(opdName: string, depth: number, problem: string, status: number): SitePage {
  return layout(
    opdName,
    'Permohonan informasi',
    depth,
    html`<h1>Permohonan informasi</h1>
      <p role="alert">${problem}</p>`,
    status,
  );
}
