import QRCode from 'qrcode';

/**
 * A QR code as a PNG data URL, drawn on the server so the mini-program needs no canvas code:
 * `<image src="{{qrImage}}">` shows it. Error correction M survives a cracked phone screen.
 */
export function qrDataUrl(text: string, scale = 8): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale });
}
