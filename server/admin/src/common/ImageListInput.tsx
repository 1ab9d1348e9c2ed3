import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Image, Tag, Upload, type UploadFile } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { notifyError } from './feedback';
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, uploadImage } from './upload-api';

interface ImageListInputProps {
  /** Uploaded image URLs in display order (a form field value). */
  value?: string[];
  onChange?: (urls: string[]) => void;
  maxCount?: number;
  /** Marks the first image, e.g. "封面". */
  firstLabel?: string;
  'data-testid'?: string;
}

/** Uploads images to the server and keeps their URLs, with previews, reordering and removal. */
export function ImageListInput({ value, onChange, maxCount = 9, firstLabel, 'data-testid': testId }: ImageListInputProps) {
  const urls = value ?? [];
  // Uploads finish one by one; each must append to the list as it is then, not as it was when it started.
  const latestUrls = useRef(urls);
  latestUrls.current = urls;
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);

  const change = (next: string[]) => {
    latestUrls.current = next;
    onChange?.(next);
  };
  const move = (from: number, to: number) => {
    const next = [...urls];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    change(next);
  };

  // The uid follows the image, not its position, so moving an image does not look like remove + add to antd.
  const uids = stableUids(urls);
  const indexOfUid = (uid: string) => uids.indexOf(uid);
  const fileList: UploadFile[] = [
    ...urls.map((url, index) => ({ uid: uids[index], name: url.split('/').pop() ?? url, status: 'done' as const, url })),
    ...uploading,
  ];

  return (
    <div data-testid={testId}>
      <Upload
        listType="picture-card"
        accept={ACCEPTED_IMAGE_TYPES}
        multiple={maxCount > 1}
        fileList={fileList}
        beforeUpload={(file) => {
          if (file.size > MAX_IMAGE_BYTES) {
            notifyError('图片不能超过 5 MB');
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file }) => {
          const rcFile = file as File & { uid: string };
          setUploading((list) => [...list, { uid: rcFile.uid, name: rcFile.name, status: 'uploading' }]);
          uploadImage(rcFile)
            .then(({ url }) => change([...latestUrls.current, url].slice(0, maxCount)))
            .catch(notifyError)
            .finally(() => setUploading((list) => list.filter((item) => item.uid !== rcFile.uid)));
        }}
        onRemove={(file) => {
          const index = indexOfUid(file.uid);
          if (index >= 0) change(urls.filter((_, i) => i !== index));
          return false;
        }}
        onPreview={(file) => setPreviewUrl(file.url ?? null)}
        itemRender={(node, file) => {
          const index = indexOfUid(file.uid);
          if (index < 0 || urls.length < 2) return <ImageCell node={node} label={index === 0 ? firstLabel : undefined} />;
          return (
            <ImageCell node={node} label={index === 0 ? firstLabel : undefined}>
              <Button
                size="small"
                type="text"
                icon={<LeftOutlined />}
                aria-label={`第 ${index + 1} 张图片前移`}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              />
              <Button
                size="small"
                type="text"
                icon={<RightOutlined />}
                aria-label={`第 ${index + 1} 张图片后移`}
                disabled={index === urls.length - 1}
                onClick={() => move(index, index + 1)}
              />
            </ImageCell>
          );
        }}
      >
        {fileList.length < maxCount && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>上传图片</div>
          </button>
        )}
      </Upload>
      <Image
        style={{ display: 'none' }}
        src={previewUrl ?? undefined}
        preview={{ visible: previewUrl !== null, src: previewUrl ?? undefined, onVisibleChange: (visible) => !visible && setPreviewUrl(null) }}
      />
    </div>
  );
}

/** One uid per URL; the same URL twice gets a numbered second uid. */
function stableUids(urls: string[]): string[] {
  const seen = new Map<string, number>();
  return urls.map((url) => {
    const count = seen.get(url) ?? 0;
    seen.set(url, count + 1);
    return count ? `${url}#${count}` : url;
  });
}

function ImageCell({ node, label, children }: { node: ReactNode; label?: string; children?: ReactNode }) {
  return (
    <div style={{ position: 'relative', width: '100%', height: '100%' }}>
      {node}
      {label && (
        <Tag color="blue" style={{ position: 'absolute', top: 4, left: 4, margin: 0, zIndex: 2 }}>
          {label}
        </Tag>
      )}
      {children && (
        <div style={{ position: 'absolute', left: 9, right: 9, bottom: 9, zIndex: 3, display: 'flex', justifyContent: 'space-between', background: 'rgba(255,255,255,0.85)' }}>
          {children}
        </div>
      )}
    </div>
  );
}

/** The same uploader for a field that holds one image URL (a detail image, a category icon). */
export function SingleImageInput({
  value,
  onChange,
  ...rest
}: {
  value?: string | null;
  onChange?: (url: string) => void;
  'data-testid'?: string;
}) {
  return <ImageListInput {...rest} maxCount={1} value={value ? [value] : []} onChange={(urls) => onChange?.(urls[0] ?? '')} />;
}
