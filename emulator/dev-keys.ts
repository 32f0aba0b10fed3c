/**
 * The fixed development keys of the local host and the tests, so local data survives restarts.
 * NOT FOR PRODUCTION: they are in the source. They live here, on the emulator's side, so that no
 * function bundle contains them (server/ never imports emulator/); the cloud environment sets its
 * own `SENSITIVE_DATA_KEY` and `TOKEN_SIGNING_KEY` (`openssl rand -base64 32`, cloudbaserc.json).
 */

/** 32 bytes, base64, for `SENSITIVE_DATA_KEY` (身份证号 and phone sealing). */
export const LOCAL_DEV_SENSITIVE_KEY = Buffer.from('local-dev-only/sensitive-data/32', 'utf8').toString('base64');

/** 32 bytes, base64, for `TOKEN_SIGNING_KEY` (certificate QR tokens). */
export const LOCAL_DEV_TOKEN_KEY = Buffer.from('local-dev-only/token-signing/32b', 'utf8').toString('base64');
