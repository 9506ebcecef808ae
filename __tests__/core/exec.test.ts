import { jest } from '@jest/globals';
import { ConfigurationError } from '../../src/core/errors.js';
import { exec, execOrThrow, ExecFailedError } from '../../src/core/exec.js';
import { clearSecretsForTest, registerSecret } from '../../src/core/secrets.js';

function captureStdout(): { text: () => string; restore: () => void } {
  let captured = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    captured += chunk.toString();
    return true;
  });
  return { text: () => captured, restore: () => spy.mockRestore() };
}

describe('exec', () => {
  afterEach(() => clearSecretsForTest());

  it('runs without a shell: metacharacters reach the program as plain text', async () => {
    const out = captureStdout();
    try {
      const result = await exec('printf', ['%s', '$(echo pwned); `id` | cat > /tmp/x']);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe('$(echo pwned); `id` | cat > /tmp/x');
    } finally {
      out.restore();
    }
  });

  it('logs the argv it runs, with registered secrets redacted', async () => {
    registerSecret('s3cr3t-token-value');
    const out = captureStdout();
    try {
      await exec('echo', ['--password', 's3cr3t-token-value', 'two words']);
    } finally {
      out.restore();
    }
    const log = out.text().split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(log).toContain("[command]echo --password *** 'two words'");
    expect(log).not.toContain('s3cr3t-token-value');
  });

  it('returns a non-zero exit, and execOrThrow turns it into an error with the output tail', async () => {
    const out = captureStdout();
    try {
      const result = await exec('sh', ['-c', 'echo failing >&2; exit 3']);
      expect(result.exitCode).toBe(3);
      await expect(execOrThrow('sh', ['-c', 'echo boom >&2; exit 4'])).rejects.toThrow(ExecFailedError);
      await expect(execOrThrow('sh', ['-c', 'echo boom >&2; exit 4'])).rejects.toThrow(/exited with 4:\nboom/);
    } finally {
      out.restore();
    }
  });

  it('turns a missing program into a ConfigurationError that says how to fix it', async () => {
    const out = captureStdout();
    try {
      const failure = exec('aura-no-such-tool', [], { missingHint: 'install it with pip' });
      await expect(failure).rejects.toThrow(ConfigurationError);
      await expect(exec('aura-no-such-tool', [], { missingHint: 'install it with pip' })).rejects.toThrow(
        "'aura-no-such-tool' was not found on PATH; install it with pip",
      );
    } finally {
      out.restore();
    }
  });

  it('delivers output line by line, and passes stdin', async () => {
    const lines: string[] = [];
    const out = captureStdout();
    try {
      await exec('cat', [], { input: 'one\ntwo\nthree', onLine: (line) => lines.push(line), quiet: true });
    } finally {
      out.restore();
    }
    expect(lines).toEqual(['one', 'two', 'three']);
  });
});
