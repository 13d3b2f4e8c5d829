import type { Analysis, ProtocolErrorInfo, ProtocolType } from '../common/index.ts';

/** An analysis that failed before anything ran: empty equipment, null metadata. */
export function failedAnalysis(protocolType: ProtocolType, error: ProtocolErrorInfo): Analysis {
  return {
    ok: false,
    protocolType,
    metadata: { name: null, author: null, apiLevel: null },
    rawMetadata: null,
    requiredEquipment: { pipettes: [], labware: [], modules: [] },
    errors: [error],
    warnings: [],
    commandCount: 0,
    estimatedDurationSeconds: 0,
    runLog: [],
    liquids: [],
  };
}

/** The original reads a .zip upload as text and fails (http-api.md §2.7). */
export function zipProtocolAnalysis(): Analysis {
  return failedAnalysis('python', {
    type: 'RuntimeError',
    description: 'Please update your Run App version to support uploading a .zip file',
  });
}
