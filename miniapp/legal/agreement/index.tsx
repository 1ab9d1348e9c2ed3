import { LegalDocumentView } from '../LegalDocumentView';
import { userAgreement } from '../documents';

export default function UserAgreementPage() {
  return <LegalDocumentView document={userAgreement} />;
}
