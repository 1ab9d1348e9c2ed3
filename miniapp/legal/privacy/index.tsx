import { LegalDocumentView } from '../LegalDocumentView';
import { privacyPolicy } from '../documents';

export default function PrivacyPolicyPage() {
  return <LegalDocumentView document={privacyPolicy} />;
}
