import { useParams } from 'react-router-dom';
import { OrgDetailView } from './components/OrgDetailView';

export default function OrgDetailPage() {
  const { id } = useParams<{ id: string }>();
  return <OrgDetailView id={id!} />;
}
