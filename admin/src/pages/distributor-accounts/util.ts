/** Base64 → Blob (the error sheet comes inside the JSON answer). */
export function base64Blob(b64: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
