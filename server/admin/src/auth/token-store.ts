/** The staff JWT lives in localStorage so a reload keeps the session; everything else asks the server (/admin/me). */
const TOKEN_KEY = 'storefront-admin.token';

type Listener = () => void;
const expiryListeners = new Set<Listener>();

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

/** Called by the request wrapper on a 401: the session is over wherever the request came from. */
export function expireSession(): void {
  clearToken();
  expiryListeners.forEach((listener) => listener());
}

export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}
