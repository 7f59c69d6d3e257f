import { useAuth } from '../../app/auth-context';

/**
 * Whether the signed-in user looks at unions below their own (a federation: city, district,
 * street) or at one union (a grassroots chair). Each dashboard section shows the widgets of that
 * level: a grassroots union has no subordinate unions, no coverage by district, no areas.
 */
export function useFederationView(): boolean {
  const { me } = useAuth();
  return me?.user.orgLevel !== 'grassroots';
}
