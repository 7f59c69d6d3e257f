// Placeholder replaced by the page's implementation.
export default function WarningsPage() {
  return null;
}
