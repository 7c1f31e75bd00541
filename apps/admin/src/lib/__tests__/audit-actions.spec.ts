import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../audit-actions';
import { EN } from '../i18n/en';

/** The API's own list of audit actions, from its OpenAPI document (the contract the admin reads). */
function apiAuditActions(): string[] {
  const document = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../../api/openapi.json'), 'utf8'),
  ) as { components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> } };
  return document.components.schemas['AuditEventDto']!.properties['action']!.enum ?? [];
}

describe('the audit log in words', () => {
  it('has a label, in Bahasa Indonesia and English, for every action the API records', () => {
    const actions = apiAuditActions();
    expect(actions.length).toBeGreaterThan(25);
    expect(actions.filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
    expect(Object.values(AUDIT_ACTION_LABELS).filter((label) => !(label in EN))).toEqual([]);
  });

  it('never shows an action raw', () => {
    expect(auditActionLabel('content.publish')).toBe('menerbitkan');
    expect(auditActionLabel('something.new')).toBe('tindakan lain');
  });
});
