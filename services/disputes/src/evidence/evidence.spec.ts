import { describe, expect, it } from 'vitest';
import { evidenceFieldsFor, fileIdsOf, missingEvidence } from './evidence.rules.js';

describe('evidence a dispute reason asks for', () => {
  it('lists the required fields first, files marked as files', () => {
    expect(evidenceFieldsFor('duplicate')).toEqual([
      { name: 'duplicateChargeExplanation', required: true, kind: 'text' },
      { name: 'duplicateChargeId', required: false, kind: 'text' },
      { name: 'receipt', required: false, kind: 'file' },
    ]);
  });

  it('falls back to the general rules for a reason without its own', () => {
    expect(missingEvidence('bank_cannot_process', {})).toEqual(['uncategorizedText']);
  });

  it('counts blank answers as missing', () => {
    expect(
      missingEvidence('product_not_received', {
        shippingCarrier: 'UPS',
        shippingTrackingNumber: '  ',
      }),
    ).toEqual(['shippingTrackingNumber', 'shippingDate']);
  });

  it('names the files the evidence points at', () => {
    expect(
      fileIdsOf({ receipt: 'file_1', productDescription: 'x', refundPolicy: 'file_2' }),
    ).toEqual(['file_1', 'file_2']);
    expect(fileIdsOf(null)).toEqual([]);
  });
});
