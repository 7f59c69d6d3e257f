// Placeholder replaced by the page's implementation.
export default function FilesPage() {
  return null;
}
