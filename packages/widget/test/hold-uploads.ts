import { adapterErrorFromStatus, type SupportAdapter } from '@helpline/core';

/**
 * Holds the backend's next uploads on the wire until `release()`, which lets them through, or
 * `fail()`, which answers them as a broken backend would (HTTP 500). Uploads after that go through.
 * (`agent.failNext` would hit whichever call comes first: typing, lists or instant answers race it.)
 */
export function holdUploads(adapter: SupportAdapter) {
  const upload = adapter.uploadAttachment?.bind(adapter);
  if (!upload) throw new Error('this adapter does not upload');
  let settle: (failed: boolean) => void = () => {};
  const held = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  adapter.uploadAttachment = async (file, options) => {
    if (await held) {
      adapter.uploadAttachment = upload;
      throw adapterErrorFromStatus(500, 'Upload failed: the server had a problem');
    }
    return upload(file, options);
  };
  return { release: () => settle(false), fail: () => settle(true) };
}
