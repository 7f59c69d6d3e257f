// Placeholder replaced by the page's implementation.
export default function FileDetailPage() {
  return null;
}
