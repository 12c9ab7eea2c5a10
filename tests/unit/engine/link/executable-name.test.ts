import { describe, expect, it } from 'vitest';
import { downloadLink, portableFileName, ticketFromExecutableName, ticketFromPortableEnv } from '../../../../electron/engine/link/executable-name.js';

describe('ticketFromExecutableName', () => {
  it.each([
    ['DiagnosticsCollector_12345.exe', '12345'],
    ['C:\\Users\\me\\Downloads\\DiagnosticsCollector_12345.exe', '12345'],
    ['DiagnosticsCollector_12345 (1).exe', '12345'],
    ['DiagnosticsCollector_12345(2).EXE', '12345'],
    ['diagnosticscollector_SUP-77.exe', 'SUP-77'],
    ['/home/me/Downloads/DiagnosticsCollector_4711.AppImage', '4711'],
    ['DiagnosticsCollector_12_3.exe', '12_3'],
  ])('%s → %s', (name, ticket) => {
    expect(ticketFromExecutableName(name)).toBe(ticket);
  });

  it.each(['DiagnosticsCollector.exe', 'DiagnosticsCollector-1.2.0-portable.exe', 'DiagnosticsCollector_.exe', 'DiagnosticsCollector_..%2F.exe', 'DiagnosticsCollector_a b.exe', 'setup_12345.exe', `DiagnosticsCollector_${'9'.repeat(65)}.exe`])('%s → no ticket', (name) => {
    expect(ticketFromExecutableName(name)).toBeUndefined();
  });

  it('reads the running portable build from its environment, and names downloads the same way', () => {
    expect(ticketFromPortableEnv({ PORTABLE_EXECUTABLE_FILE: 'D:\\DiagnosticsCollector_555.exe' })).toBe('555');
    expect(ticketFromPortableEnv({ APPIMAGE: '/tmp/DiagnosticsCollector_556.AppImage' })).toBe('556');
    expect(ticketFromPortableEnv({})).toBeUndefined();
    expect(ticketFromExecutableName(portableFileName('SUP-1'))).toBe('SUP-1');
    expect(downloadLink('https://dl.example.com/dc/DiagnosticsCollector_{ticket}.exe', '12345')).toBe('https://dl.example.com/dc/DiagnosticsCollector_12345.exe');
    expect(downloadLink('https://dl.example.com/dc', '12345')).toBe('https://dl.example.com/dc/DiagnosticsCollector_12345.exe');
  });
});
