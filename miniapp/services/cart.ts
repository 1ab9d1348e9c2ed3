import type { AddCartItemRequest, CartResponse, UpdateCartItemRequest } from '@shared/api/cart';
import { cartBadge } from '@/store/cart-badge';
import { request } from './request';

// Every cart change answers the whole cart; each answer also moves the tab badge. Answers that arrive after the
// answer of a later request are older news (e.g. the fetch right after sign-in vs. the add it was signed in for).
let requestsSent = 0;
let latestApplied = 0;

async function withBadge(call: Promise<CartResponse>): Promise<CartResponse> {
  const sequence = ++requestsSent;
  const cart = await call;
  if (sequence > latestApplied) {
    latestApplied = sequence;
    cartBadge.set(cart.totalQuantity);
  }
  return cart;
}

export function fetchCart(): Promise<CartResponse> {
  return withBadge(request<CartResponse>('/cart', { toast: false }));
}

export function addCartItem(body: AddCartItemRequest): Promise<CartResponse> {
  return withBadge(request<CartResponse>('/cart/items', { method: 'POST', body }));
}

export function updateCartItem(id: number, body: UpdateCartItemRequest): Promise<CartResponse> {
  return withBadge(request<CartResponse>(`/cart/items/${id}`, { method: 'PATCH', body }));
}

export function removeCartItem(id: number): Promise<CartResponse> {
  return withBadge(request<CartResponse>(`/cart/items/${id}`, { method: 'DELETE' }));
}

export function selectAllCartItems(selected: boolean): Promise<CartResponse> {
  return withBadge(request<CartResponse>('/cart/selection', { method: 'PUT', body: { selected } }));
}
