/**
 * What the lead found in session 19: a shell prompt with a directory after `:` (`ana@dev-lt:~/infra$`, `deploy@web-01:/srv$`)
 * was taken by the reference engine only — the dollar scan woke for `:~$` alone, so the shipped redactor missed the login.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs } from './helpers.js';

describe('a shell prompt names its login, whatever directory it shows', () => {
  it('takes the login of `user@host:~/dir$`, `user@host:/dir$` and `user@host:~$`', () => {
    takesAs('USER', 'ana@dev-lt:~/infra$ pass ls', 'ana');
    takesAs('USER', 'deploy.bot@web-01:/srv/app$ git pull', 'deploy.bot');
    takesAs('USER', 'liuyang@build-02:~$ make', 'liuyang');
    takesAs('USER', '  zhangwei@pc-7:~/repos/diag-2026$', 'zhangwei');
  });

  it('keeps a URL, an scp target and a Windows drive that only look like one', () => {
    keepsWords('see https://git.example.com:/group/repo$ for the mirror', 'git.example.com:/group/repo$');
    keepsWords('scp build.tar gz@mirror:/srv/files/ and ls $HOME', 'mirror:/srv/files/');
    keepsWords('cost: 12$ per seat, 30$ per admin', '12$ per seat');
  });
});
