import { DEFAULT_REQUIRED_FIELDS, type RequiredFields } from '$lib/domain/records/completeness';
import type { OpenWorkspace } from '$lib/db/workspace';

export const REQUIRED_FIELDS_SETTING = 'requiredFields';

/** The workspace's required fields per customer kind, or the defaults. */
export function requiredFields(ws: OpenWorkspace): RequiredFields {
  const v = ws.settings.get(REQUIRED_FIELDS_SETTING)?.value as RequiredFields | undefined;
  return v && Array.isArray(v.unit) && Array.isArray(v.individual) ? v : DEFAULT_REQUIRED_FIELDS;
}
