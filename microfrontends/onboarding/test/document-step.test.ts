import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDashI18n, GraphqlRequestError, setLocale } from '@dash/web-kit';
import DocumentStep from '../src/DocumentStep.vue';
import { messages } from '../src/messages.js';
import type { Onboarding, OnboardingApi, OnboardingStep } from '../src/onboarding-api.js';
import { field } from './fields.fixture.js';

const DOCUMENT = 'individual.verification.document';

const step = (extra: Parameters<typeof field>[2] = {}): OnboardingStep => ({
  key: 'documents',
  complete: false,
  fields: [
    field(DOCUMENT, 'document', {
      options: ['passport', 'id_card', 'driving_license'],
      error: 'The person could not be verified with the details given.',
      errorCode: 'verification_failed_keyed_identity',
      ...extra,
    }),
  ],
});

const onboarding = (currentlyDue: string[] = [DOCUMENT]) =>
  ({ livemode: false, requirements: { currentlyDue } }) as unknown as Onboarding;

function fakeApi() {
  let page = 0;
  return {
    uploadDocumentPage: vi.fn(async () => `file_${++page}`),
    attachDocument: vi.fn(async () => ({ id: 'vdoc_1', status: 'verified' })),
    load: vi.fn(async () => onboarding([])),
  };
}

let wrapper: VueWrapper | undefined;
function mountStep(api: ReturnType<typeof fakeApi>, shown = step(), asked = onboarding()) {
  const { i18n } = createDashI18n(messages);
  wrapper = mount(DocumentStep, {
    props: { api: api as unknown as OnboardingApi, onboarding: asked, step: shown },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  return wrapper;
}

async function choose(view: VueWrapper, name: string, file: File) {
  const input = view.get(`[name="${name}"]`);
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
}
const photo = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name);

beforeEach(() => setLocale('en'));
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('the documents step', () => {
  it('says what is asked and why, and sends nothing until the pages are chosen', async () => {
    const view = mountStep(fakeApi());
    expect(view.get('[data-testid="document-status"]').text()).toBe('Needed');
    expect(view.get('[data-testid="document-error"]').text()).toContain(
      'Upload an identity document',
    );
    const send = view.get('[data-testid="send-document"]');
    expect(send.attributes('disabled')).toBeDefined();
    expect(view.find('[name="document-back"]').exists()).toBe(false);
    await view.get('[name="document-type"]').setValue('id_card');
    await choose(view, 'document-front', photo('front.jpg'));
    // An id card has a back: still nothing to send without it.
    expect(send.attributes('disabled')).toBeDefined();
    await choose(view, 'document-back', photo('back.jpg'));
    expect(send.attributes('disabled')).toBeUndefined();
  });

  it('uploads each page, sends the document with their ids, and hands on the new state', async () => {
    const api = fakeApi();
    const view = mountStep(api);
    await view.get('[name="document-type"]').setValue('id_card');
    await choose(view, 'document-front', photo('front.jpg'));
    await choose(view, 'document-back', photo('back.jpg'));
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(api.uploadDocumentPage).toHaveBeenCalledTimes(2);
    expect(api.attachDocument).toHaveBeenCalledWith({
      requirement: DOCUMENT,
      type: 'id_card',
      front: 'file_1',
      back: 'file_2',
    });
    expect(view.emitted('updated')).toEqual([[onboarding([])]]);
  });

  it('says why a page was refused, in words, and sends no document', async () => {
    const api = fakeApi();
    api.uploadDocumentPage.mockRejectedValueOnce(
      new GraphqlRequestError(
        'Documents must be JPEG, PNG or PDF files.',
        'BAD_USER_INPUT',
        undefined,
        {
          reason: 'FILE_TYPE_NOT_ALLOWED',
        },
      ),
    );
    const view = mountStep(api);
    await choose(view, 'document-front', photo('page.html'));
    await view.get('form').trigger('submit');
    await flushPromises();
    expect(view.get('[data-testid="document-problem"]').text()).toBe(
      'That file is not a JPEG, PNG or PDF. Choose a photo or a scan.',
    );
    expect(api.attachDocument).not.toHaveBeenCalled();
  });

  it('shows a verified or pending document without a form, in the reader’s language', async () => {
    setLocale('zh-CN');
    const verified = mountStep(fakeApi(), step({ value: 'verified', error: null }), onboarding([]));
    expect(verified.get('[data-testid="document-status"]').text()).toBe('已通过');
    expect(verified.find('form').exists()).toBe(false);
    verified.unmount();
    const failed = mountStep(
      fakeApi(),
      step({ value: 'failed', errorCode: 'verification_document_failed_other' }),
    );
    expect(failed.get('[data-testid="document-status"]').text()).toBe('未通过');
    expect(failed.get('[data-testid="document-error"]').text()).toContain('证件未能通过审核');
    expect(failed.find('form').exists()).toBe(true);
  });
});
