import { describe, expect, it } from 'vitest';
import { protectedPathReason } from '../../../../electron/engine/platform/protected-paths.js';

const env = { DIAGCOLLECT_DATA_DIR: '/srv/dc-data' };

describe('protectedPathReason: never collected, whatever the policy says', () => {
  it.each([
    ['linux', '/etc/shadow', 'password or key store'],
    ['linux', '/etc/gshadow', 'password or key store'],
    ['linux', '/etc/ssh/ssh_host_ed25519_key', 'private keys'],
    ['linux', '/root/.ssh/id_ed25519', 'private keys'],
    ['linux', '/home/alice/.gnupg/private-keys-v1.d/x.key', 'private keys'],
    ['linux', '/home/alice/.local/share/keyrings/login.keyring', 'keychain'],
    ['linux', '/home/alice/.mozilla/firefox/p/logins.json', 'browser profile'],
    ['linux', '/home/alice/.config/google-chrome/Default/Login Data', 'browser profile'],
    ['linux', '/srv/dc-data/redaction-maps/x.json', "diagcollect's own data"],
    ['linux', '/srv/dc-data/credentials.json', "diagcollect's own data"],
    ['linux', '/home/bob/.local/share/diagcollect/outbox/1/a.zip', "diagcollect's own data"],
    ['darwin', '/Users/alice/Library/Keychains/login.keychain-db', 'keychain'],
    ['darwin', '/Library/Keychains/System.keychain', 'keychain'],
    ['darwin', '/private/var/db/dslocal/nodes/Default/users/alice.plist', 'password or key store'],
    ['darwin', '/Users/alice/Library/Application Support/Google/Chrome/Default/Cookies', 'browser profile'],
    ['win32', 'C:\\Windows\\System32\\config\\SAM', 'password or key store'],
    ['win32', 'c:\\windows\\system32\\config\\security', 'password or key store'],
    ['win32', 'C:\\Windows\\System32\\config\\RegBack\\SYSTEM', 'password or key store'],
    ['win32', 'C:\\Users\\alice\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data', 'browser profile'],
    ['win32', 'C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Protect\\S-1-5\\key', 'private keys'],
    ['win32', 'D:\\Users\\alice\\AppData\\Local\\DiagCollect\\redaction-maps\\a.json', "diagcollect's own data"],
  ] as const)('%s %s: %s', (platform, p, why) => {
    expect(protectedPathReason(p, { platform, env })).toContain(why);
  });

  it.each([
    ['linux', '/etc/hosts'],
    ['linux', '/etc/ssh/sshd_config'],
    ['linux', '/etc/shadowsocks/config.json'],
    ['linux', '/var/log/myapp/app.log'],
    ['linux', '/home/alice/.myapp/logs/ssh.log'],
    ['darwin', '/Library/Logs/MyApp/app.log'],
    ['win32', 'C:\\Windows\\System32\\config\\systemprofile\\app.log'],
    ['win32', 'C:\\ProgramData\\MyApp\\Logs\\app.log'],
  ] as const)('%s %s is not protected', (platform, p) => {
    expect(protectedPathReason(p, { platform, env })).toBeUndefined();
  });

  it("knows this tool's data folder on Windows too", () => {
    expect(protectedPathReason('E:\\dc\\credentials.json', { platform: 'win32', env: { DIAGCOLLECT_DATA_DIR: 'E:\\DC' } })).toContain("diagcollect's own data");
    expect(protectedPathReason('E:\\dc2\\app.log', { platform: 'win32', env: { DIAGCOLLECT_DATA_DIR: 'E:\\DC' } })).toBeUndefined();
    expect(protectedPathReason('C:\\Projects\\dc\\app.log', { platform: 'win32', env: { DIAGCOLLECT_DATA_DIR: 'E:\\DC' } })).toBeUndefined();
  });

  it('adds the folders of this run it is given', () => {
    expect(protectedPathReason('/tmp/out/a.zip', { platform: 'linux', env, extra: ['/tmp/out'] })).toContain("diagcollect's own data");
  });
});
