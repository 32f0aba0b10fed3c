import { LOCAL_DEV_SENSITIVE_KEY, LOCAL_DEV_TOKEN_KEY } from '../../emulator/dev-keys';

// Every node test runs as a cloud function does: in Asia/Shanghai, with the SDK able to init
// (dummy credentials; TENCENTCLOUD=true skips the metadata probe). Emulators set the URL.
process.env.TZ = 'Asia/Shanghai';
process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID ??= 'test-secret-id';
process.env.TENCENTCLOUD_SECRETKEY ??= 'test-secret-key';
// The local host's development keys, for tests that seal personal data or sign tokens.
process.env.SENSITIVE_DATA_KEY ??= LOCAL_DEV_SENSITIVE_KEY;
process.env.TOKEN_SIGNING_KEY ??= LOCAL_DEV_TOKEN_KEY;
