/** A demo login's JWT from the server at `baseUrl` (every benchmark signs in the same way). */
export async function login(baseUrl, identifier, password = 'Demo@123456') {
  const res = await fetch(`${baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  const body = await res.json();
  if (!body.jwt) throw new Error(`login ${identifier}: ${JSON.stringify(body)}`);
  return body.jwt;
}
