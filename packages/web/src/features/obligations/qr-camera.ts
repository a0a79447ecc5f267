/** Why the camera could not scan: the page shows a message and the typed number stays the way in. */
export type QrCameraProblem = 'unsupported' | 'no_camera' | 'denied';

export class QrCameraError extends Error {
  constructor(readonly problem: QrCameraProblem) {
    super(`qr camera: ${problem}`);
  }
}

export interface QrCamera {
  stop(): void;
}

/**
 * Opens the back camera into `video` and calls `onText` with the first QR code it reads, then stops.
 * qr-scanner (loaded only when a user taps 扫码) decodes in a worker bundled with the app, or with the
 * browser's own BarcodeDetector, so it needs no network. It reports "no camera" for a refused
 * permission too, so the device list is asked first to tell the two apart.
 */
export async function openQrCamera(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<QrCamera> {
  // Browsers give the camera to HTTPS pages (and localhost) only.
  if (!navigator.mediaDevices?.getUserMedia) throw new QrCameraError('unsupported');
  const { default: QrScanner } = await import('qr-scanner');
  if (!(await QrScanner.hasCamera())) throw new QrCameraError('no_camera');
  let done = false;
  const scanner = new QrScanner(
    video,
    (result) => {
      if (done) return;
      done = true;
      scanner.destroy();
      onText(result.data);
    },
    { preferredCamera: 'environment', returnDetailedScanResult: true, maxScansPerSecond: 10 },
  );
  try {
    await scanner.start();
  } catch {
    scanner.destroy();
    throw new QrCameraError('denied');
  }
  return {
    stop() {
      if (done) return;
      done = true;
      scanner.destroy();
    },
  };
}
