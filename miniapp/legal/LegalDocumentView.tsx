import { Text, View } from '@tarojs/components';
import { useShopProfile } from '@/services/shop';
import { LEGAL_VERSION_TEXT, type LegalContact, type LegalDocument } from './documents';
import './legal-document.scss';

/** One of the two documents, with the shop's name and customer service filled in from the shop profile. */
export function LegalDocumentView({ document }: { document: (contact: LegalContact) => LegalDocument }) {
  const { profile, shopName } = useShopProfile();
  const { title, intro, sections } = document({
    shopName,
    servicePhone: profile?.servicePhone ?? null,
    serviceHours: profile?.serviceHours ?? null,
  });
  return (
    <View className="legal-document">
      <Text className="legal-document__title">
        {shopName}
        {title}
      </Text>
      <Text className="legal-document__version">{LEGAL_VERSION_TEXT}</Text>
      <Text className="legal-document__paragraph">{intro}</Text>
      {sections.map((section) => (
        <View key={section.heading} className="legal-document__section">
          <Text className="legal-document__heading">{section.heading}</Text>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph} className="legal-document__paragraph">
              {paragraph}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
