// Placeholder replaced by the page's implementation.
export default function CampaignsPage() {
  return null;
}
