// Placeholder replaced by the page's implementation.
export default function RulesPage() {
  return null;
}
