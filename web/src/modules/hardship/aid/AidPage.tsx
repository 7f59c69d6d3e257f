// Placeholder replaced by the page's implementation.
export default function AidPage() {
  return null;
}
