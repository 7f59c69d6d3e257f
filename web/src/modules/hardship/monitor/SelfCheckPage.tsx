// Placeholder replaced by the page's implementation.
export default function SelfCheckPage() {
  return null;
}
